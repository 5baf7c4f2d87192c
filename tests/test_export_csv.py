"""CSV: one RFC 4180 row per stance, read back by Python's csv module."""

from __future__ import annotations

import csv
import io

from argmap.export.csv import COLUMNS, csv_text

from .export_helpers import tricky


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
         "2024-03-01"],
        ["home-office/neutral/allow-room", "", "home-office", "Home Office", "Home Office",
         "allow-room", allow, "neutral", "The Home Office will consider it.", "true", "herald",
         herald, "unknown"],
        ["jo-green/supports/allow-room", "2024-03-01", "jo-green", "Jo van Green",
         "Green Party", "allow-room", allow, "yes",
         'We should open a room, "this" year.\nNext line; and {braces} too.', "false",
         "gazette", gazette, "2024-03-01"],
        ["jo-green/supports/room-saves-lives", "2024-03-01", "jo-green", "Jo van Green",
         "Green Party", "room-saves-lives",
         "A room saves lives: 3.5 per cent, U.A.E. style *and* _more_ \\ <b>", "yes",
         "It will save lives.", "false", "gazette", gazette, "2024-03-01"],
        ["sam-chief/opposes/allow-room/gazette", "2024-03-01", "sam-chief", "Sam Chief", "",
         "allow-room", allow, "no", "", "true", "gazette", gazette, "2024-03-01"],
        ["sam-chief/opposes/allow-room/herald", "2024-02-11", "sam-chief", "Sam Chief", "",
         "allow-room", allow, "no", "No, never — ‘not here’.", "false", "herald", herald,
         "unknown"],
        ["sam-chief/supports/room-helps-dealers", "", "sam-chief", "Sam Chief", "",
         "room-helps-dealers", 'A room helps "dealers", they say\nover two lines', "yes",
         "The chief fears the room would help dealers.", "true", "herald", herald, "unknown"],
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
