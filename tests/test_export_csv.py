"""CSV: one RFC 4180 row per stance, read back by Python's csv module."""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

from argmap.analysis import analyse
from argmap.cli import cli
from argmap.export.csv import COLUMNS, DNA_COLUMNS, csv_text
from argmap.load import loads

from .export_helpers import TRICKY, tricky

HOSTILE = """\
title: T
sources:
  s: {title: "=cmd|' /C calc'!A0", publisher: "@SUM(1)", date: 2021}
actors:
  jo: {name: "+Jo", kind: person}
  org: {name: "-Org", kind: organisation}
claims:
  c: {text: "\\tTabbed", label: "=1+1"}
stances:
  - {actor: jo, supports: c, source: s, quote: "\\rreturn", note: "=note"}
  - {actor: org, neutral: c, source: s, quote: "- fine, a dash"}
"""


def rows() -> list[list[str]]:
    return list(csv.reader(io.StringIO(csv_text(*tricky()), newline="")))


def test_header_and_every_row_exactly() -> None:
    header, *body = rows()
    assert tuple(header) == COLUMNS
    allow = "The town should allow a room [see #1] // now {really}"
    gazette, herald = "Council debates [drug] room, again", "Police chief doubts drug room"
    assert body == [
        ["green-party/supports/allow-room", "2024-03-01", "green-party", "Green Party",
         "Green Party", "allow-room", allow, "yes", "", "true", "gazette", gazette,
         "2024-03-01", "The Gazette", ""],
        ["home-office/neutral/allow-room", "", "home-office", "Home Office", "Home Office",
         "allow-room", allow, "neutral", "The Home Office will consider it.", "true", "herald",
         herald, "unknown", "The Herald", ""],
        ["jo-green/supports/allow-room", "2024-03-01", "jo-green", "Jo van Green",
         "Green Party", "allow-room", allow, "yes",
         'We should open a room, "this" year.\nNext line; and {braces} too.', "false",
         "gazette", gazette, "2024-03-01", "The Gazette", ""],
        ["jo-green/supports/room-saves-lives", "2024-03-01", "jo-green", "Jo van Green",
         "Green Party", "room-saves-lives",
         "A room saves lives: 3.5 per cent, U.A.E. style *and* _more_ \\ <b>", "yes",
         "It will save lives.", "false", "gazette", gazette, "2024-03-01", "The Gazette", ""],
        ["sam-chief/opposes/allow-room/gazette", "2024-03-01", "sam-chief", "Sam Chief", "",
         "allow-room", allow, "no", "", "true", "gazette", gazette, "2024-03-01", "The Gazette",
         ""],
        ["sam-chief/opposes/allow-room/herald", "2024-02-11", "sam-chief", "Sam Chief", "",
         "allow-room", allow, "no", "No, never — ‘not here’.", "false", "herald", herald,
         "unknown", "The Herald", ""],
        ["sam-chief/supports/room-helps-dealers", "", "sam-chief", "Sam Chief", "",
         "room-helps-dealers", 'A room helps "dealers", they say\nover two lines', "yes",
         "The chief fears the room would help dealers.", "true", "herald", herald, "unknown",
         "The Herald", ""],
    ]  # fmt: skip


def test_rfc4180_quoting_and_line_ends() -> None:
    text = csv_text(*tricky())
    lines = text.split("\r\n")
    assert lines[-1] == ""  # every record, the last included, ends with CRLF
    assert lines[0] == ",".join(COLUMNS)  # the header needs no quotes
    # Only fields with a comma, quote mark or line break are quoted; quote marks doubled.
    assert '"We should open a room, ""this"" year.\nNext line; and {braces} too."' in text
    assert ',"Council debates [drug] room, again",' in text
    assert ",It will save lives.," in text
    # A line break inside a quote stays as written (LF); only records end with CRLF.
    assert text.count("\r\n") == 1 + 7


def test_formula_starts_are_neutralised_in_every_cell() -> None:
    amap = loads(HOSTILE).map
    for dialect in ("argmap", "dna"):
        text = csv_text(amap, dialect=dialect)
        body = [cell for row in list(csv.reader(io.StringIO(text, newline="")))[1:] for cell in row]
        assert not [cell for cell in body if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    rows = list(csv.DictReader(io.StringIO(csv_text(amap), newline="")))
    assert rows[0]["actor_name"] == "'+Jo"
    assert rows[0]["claim_text"] == "'\tTabbed"
    assert rows[0]["quote"] == "'\rreturn"
    assert rows[0]["note"] == "'=note"
    assert rows[0]["source_title"] == "'=cmd|' /C calc'!A0"
    assert rows[0]["source_publisher"] == "'@SUM(1)"
    assert rows[1]["quote"] == "'- fine, a dash"


def test_dna_dialect_has_dnas_columns_and_codes() -> None:
    text = csv_text(tricky()[0], dialect="dna")
    header, *body = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(header) == DNA_COLUMNS == (
        "id", "time", "person", "organization", "concept", "agreement", "text", "source",
    )  # fmt: skip
    assert body == [
        ["1", "2024-03-01", "", "Green Party", "Allow the room", "1", "", "The Gazette"],
        ["2", "", "", "Home Office", "Allow the room", "", "The Home Office will consider it.",
         "The Herald"],
        ["3", "2024-03-01", "Jo van Green", "Green Party", "Allow the room", "1",
         'We should open a room, "this" year.\nNext line; and {braces} too.', "The Gazette"],
        ["4", "2024-03-01", "Jo van Green", "Green Party",
         "A room saves lives: 3.5 per cent, U.A.E. style *and* _more_ \\ <b>", "1",
         "It will save lives.", "The Gazette"],
        ["5", "2024-03-01", "Sam Chief", "", "Allow the room", "0", "", "The Gazette"],
        ["6", "2024-02-11", "Sam Chief", "", "Allow the room", "0", "No, never — ‘not here’.",
         "The Herald"],
        ["7", "", "Sam Chief", "", 'A room helps "dealers", they say\nover two lines', "1",
         "The chief fears the room would help dealers.", "The Herald"],
    ]  # fmt: skip


def test_dna_time_puts_a_year_or_month_on_its_first_day() -> None:
    amap = loads(HOSTILE).map
    rows = list(csv.DictReader(io.StringIO(csv_text(amap, dialect="dna"), newline="")))
    assert [row["time"] for row in rows] == ["2021-01-01", "2021-01-01"]


def test_unknown_dialect_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown dialect 'rdna'; use one of argmap, dna"):
        csv_text(tricky()[0], dialect="rdna")


def test_cli_dialect_and_bom(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    (folder / "map.yaml").write_text(TRICKY.replace("Jo van Green", "José van Green"), "utf-8")
    target = folder / "s.csv"
    args = ["export", "--format", "csv", "--dialect", "dna", "--bom", "-o", str(target)]
    result = CliRunner().invoke(cli, [*args, str(folder / "map.yaml")])
    assert result.exit_code == 0, result.output
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,time,person,organization,")
    assert "José van Green".encode() in data
    amap = loads(TRICKY.replace("Jo van Green", "José van Green")).map
    assert data.decode("utf-8") == csv_text(amap, analyse(amap), dialect="dna", bom=True)
    plain = CliRunner().invoke(cli, ["export", "--format", "csv", str(folder / "map.yaml")])
    assert plain.stdout.startswith("stance_id,")  # no BOM unless asked


def test_dialect_and_bom_are_refused_for_other_formats(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "map.yaml"
    path.write_text(TRICKY, encoding="utf-8")
    for flag in (["--bom"], ["--dialect", "dna"], ["--no-neutralise"]):
        result = CliRunner().invoke(cli, ["export", "--format", "json", *flag, str(path)])
        assert result.exit_code == 2
        assert "Error: --dialect, --bom and --no-neutralise apply only to csv" in result.output


def test_cli_no_neutralise_writes_formula_starts_as_they_are(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "map.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    args = ["export", "--format", "csv", "--dialect", "dna", str(path)]
    raw = CliRunner().invoke(cli, [*args, "--no-neutralise"])
    assert raw.exit_code == 0, raw.output
    # The bytes: click's `stdout` turns CRLF into LF.
    assert raw.stdout_bytes.decode("utf-8") == (
        "id,time,person,organization,concept,agreement,text,source\r\n"
        '1,2021-01-01,+Jo,,=1+1,1,"\rreturn",@SUM(1)\r\n'
        '2,2021-01-01,,-Org,=1+1,,"- fine, a dash",@SUM(1)\r\n'
    )
    neutralised = CliRunner().invoke(cli, [*args, "--neutralise"]).stdout_bytes
    assert neutralised == CliRunner().invoke(cli, args).stdout_bytes
    assert neutralised.decode("utf-8") == (
        "id,time,person,organization,concept,agreement,text,source\r\n"
        "1,2021-01-01,'+Jo,,'=1+1,1,\"'\rreturn\",'@SUM(1)\r\n"
        "2,2021-01-01,,'-Org,'=1+1,,\"'- fine, a dash\",'@SUM(1)\r\n"
    )


def test_export_help_names_the_switch() -> None:
    # A wide terminal, so click does not wrap the help inside a word.
    wide = {"terminal_width": 300, "max_content_width": 300}
    result = CliRunner().invoke(cli, ["export", "--help"], **wide)
    lines = [x.strip() for x in result.output.splitlines()]
    assert "$ argmap export --format csv --no-neutralise | python my_script.py" in lines
    line = next(x for x in lines if x.startswith("--neutralise"))
    assert line.split(maxsplit=3)[:3] == ["--neutralise", "/", "--no-neutralise"]
    assert line.split(maxsplit=3)[3] == (
        "For csv: put ' before a cell that starts with = + - @, a tab or a carriage return,"
        " so a spreadsheet never runs it as a formula; --no-neutralise writes every cell as"
        " it is, for scripts.  [default: neutralise]"
    )
