"""One module per `argmap` subcommand.

Each module imports only click and light argmap modules at the top; anything heavy
(networkx, pyvis, jinja2) is imported inside the command, so `argmap --help` and
`argmap check` start fast.
"""
