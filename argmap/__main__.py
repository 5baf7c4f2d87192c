from argmap.cli import cli

cli(prog_name="argmap")
