"""The conflict report in every format, read back; and redaction, searched
for any trace of a protected person's name, aliases or id."""

from __future__ import annotations

import base64
import io
import json
import re
from html.parser import HTMLParser

import pytest
from pypdf import PdfReader

from graph.report import build
from graph.report_formats import render
from ingest.load import ingest
from tests.datasets import write_dataset
from tests.test_conflicts import CHARGE, base, rel

REAL = ["Jane Roe", "J. Roe", "person:jane-roe"]


@pytest.fixture
def case(graph, tmp_path):
    """The double-role case, with a protected victim named in quotes too."""
    data = base()
    data["people"][0] = {"id": "person:jane-roe", "name": "Jane Roe", "aliases": "J. Roe",
                         "protected": "true", "pseudonym": "Witness A"}
    data["events"].append(CHARGE)
    data["relations"] = [dict(r, subject="person:jane-roe") if r["subject"] == "person:victim" else
                         dict(r, object="person:jane-roe") if r["object"] == "person:victim" else r
                         for r in data["relations"]]
    data["relations"] += [
        dict(rel("unit:city-prosecutor", "PARTICIPATED_IN", "event:inquiry", "prosecuting_body"),
             quote="the city prosecutor took over the inquiry into Jane Roe's beating"),
        rel("unit:city-prosecutor", "PARTICIPATED_IN", "event:charge", "prosecuting_body"),
        dict(rel("person:jane-roe", "PARTICIPATED_IN", "event:charge", "accused"),
             quote="J. ROE was charged with rioting"),
        rel("unit:district", "PARTICIPATED_IN", "event:inquiry", "investigating_body"),
    ]
    ingest(graph, write_dataset(tmp_path / "case", "case", **data))
    return graph


def text_of_pdf(data: bytes) -> str:
    """The PDF's text, spaces squeezed; pypdf puts a NUL before each Chinese character, which
    would hide a name from a search of the text."""
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages)).replace("\x00", "")


class Requests(HTMLParser):
    """Every attribute that would make a browser fetch something."""

    def __init__(self):
        super().__init__()
        self.fetches = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("src", "srcset", "data", "poster") or (tag == "link" and name == "href"):
                self.fetches.append((tag, name, value))


def test_report_groups_by_allegation_most_severe_first(case):
    report = build(case)
    assert [a["id"] for a in report.allegations] == ["event:torture"]
    rules = [f["rule"] for f in report.allegations[0]["findings"]]
    assert rules[0] == "self_investigation" and "double_role" in rules
    f = report.allegations[0]["findings"][0]
    assert f["citations"][0]["title"] == "Case file"
    assert f["svg"].startswith("<svg") and "District Police" in f["svg"]


def test_a_control_character_or_override_in_a_name_is_shown_in_every_format(case, graph):
    """A name that would reverse the text after it (U+202E) or act on a terminal reads as its
    escape in the report, in every format, so the court reads what the file holds."""
    graph.driver.execute_query("MATCH (u:Unit {id: 'unit:district'}) SET u.name = $n",
                               {"n": "District\u202e eciloP\x1b[2J"}, database_=graph.database)
    report = build(case)
    for fmt in ("html", "md", "json", "pdf"):
        data = render(report, fmt)
        text = text_of_pdf(data) if fmt == "pdf" else data.decode("utf-8")
        assert "\u202e" not in text and "\x1b" not in text, fmt
        shown = "District\\u202e eciloP\\x1b[2J"  # JSON and Markdown write its backslashes as two
        assert (shown.replace("[", "\\[") if fmt == "md" else shown) in text.replace("\\\\", "\\"), fmt


def test_html_is_self_contained_and_escapes_data(case, graph, tmp_path):
    graph.driver.execute_query("MATCH (u:Unit {id: 'unit:district'}) SET u.name = $n",
                               {"n": "<img src=x onerror=alert(1)>"}, database_=graph.database)
    page = render(build(case), "html").decode("utf-8")
    parser = Requests()
    parser.feed(page)
    assert parser.fetches == []
    assert "default-src 'none'" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    for text in ("self investigation", "double role", "Case file", "Jane Roe"):
        assert text in page


def test_pdf_renders_and_reads_back(case):
    data = render(build(case), "pdf")
    assert data.startswith(b"%PDF-")
    text = text_of_pdf(data)
    assert "Conflict-of-interest report" in text
    assert "the very body implicated in it" in text
    assert "Case file" in text and "Beating of V" in text
    assert len(PdfReader(io.BytesIO(data)).pages) >= 1


# A name in each script: DejaVu draws the first row; the second needs the Noto fonts.
SCRIPTS = {"kk": "Нұрсұлтан Әбішұлы", "ka": "გიორგი", "hy": "Արամ", "ar": "محمد علي", "fa": "علی رضایی",
           "he": "משה כהן", "zh": "王小明", "ja": "やまだ 山田太郎", "ko": "김민준", "hi": "राम कुमार",
           "th": "สมชาย ใจดี", "am": "አበበ"}


def test_a_name_in_any_script_is_drawn_in_the_pdf_never_dropped(graph, tmp_path, caplog):
    """Before, fpdf2 left out every letter DejaVu lacks (with a log line): an officer named 王小明
    had no name in the PDF. Arabic was drawn in separate letters, left to right. A character no
    font draws (an emoji here) is printed as its code point, with a line saying how to fix it."""
    data = base()
    data["people"][1]["name"] = " / ".join(SCRIPTS.values()) + " \U0001F46E"
    data["units"][1]["name"] = "District " + SCRIPTS["ar"]
    data["relations"].append(rel("unit:district", "PARTICIPATED_IN", "event:inquiry", "investigating_body"))
    ingest(graph, write_dataset(tmp_path / "case", "case", **data))
    with caplog.at_level("WARNING", logger="fpdf"):
        text = text_of_pdf(render(build(graph), "pdf"))
    assert not [r.message for r in caplog.records if "missing" in r.message]
    squeezed = text.replace(" ", "")  # pypdf puts a space inside some Devanagari clusters
    assert [k for k, name in SCRIPTS.items() if name.replace(" ", "") not in squeezed] == []
    assert "[U+1F46E]" in text and "have no font on the machine that made this PDF" in text


def test_a_right_to_left_name_is_set_apart_from_the_sentence_around_it(graph, tmp_path):
    """Unicode isolates in the PDF, <bdi> in the HTML: without them a date or a number after an
    Arabic name is drawn inside the Arabic run, before the name."""
    from graph.report_formats import _bdi, _isolated
    assert _isolated("District محمد علي; 2020 – 2022") == "District \u2068محمد علي\u2069; 2020 – 2022"
    assert _isolated("شرطة 5 المدينة, 2020") == "\u2068شرطة 5 المدينة\u2069, 2020"
    assert _isolated("Officer One") == "Officer One"
    assert _bdi("<b>محمد</b> & 2020") == "&lt;b&gt;<bdi>محمد</bdi>&lt;/b&gt; &amp; 2020"  # escaped first
    data = base()
    data["units"][1]["name"] = "District محمد علي"
    data["relations"].append(rel("unit:district", "PARTICIPATED_IN", "event:inquiry", "investigating_body"))
    ingest(graph, write_dataset(tmp_path / "case", "case", **data))
    page = render(build(graph), "html").decode("utf-8")
    assert "investigated by District <bdi>محمد علي</bdi>" in page and "<h2>Beating of V</h2>" in page


def test_markdown_and_json(case):
    report = build(case)
    md = render(report, "md").decode("utf-8")
    assert md.startswith("# Conflict-of-interest report")
    assert "### CRITICAL: self investigation" in md and "data:image/svg+xml;base64," in md
    found = json.loads(render(report, "json"))
    assert [f["rule"] for f in found] == [f["rule"] for f in report.findings]
    assert set(found[0]) == {"rule", "severity", "allegation", "actor", "implicated", "events", "evidence",
                             "sources", "explanation", "weakest_confidence", "inferred", "citations"}
    assert "- Strength: weakest confidence medium; every link documented" in md


FIRST_QUOTE = "the city prosecutor took over the inquiry into Jane Roe's beating"
SECOND_QUOTE = "prosecutors ran the inquiry themselves"


@pytest.fixture
def two_quotes(case, tmp_path):
    """A second dataset restates the prosecutor's part in the inquiry, with its own quote and source."""
    ingest(case, write_dataset(tmp_path / "second", "second-look",
                               sources=[{"id": "src:second", "title": "Second look"}],
                               relations=[dict(rel("unit:city-prosecutor", "PARTICIPATED_IN", "event:inquiry",
                                                   "prosecuting_body"), sources="src:second",
                                               quote=SECOND_QUOTE)]))
    return case


def _said_under(text: str, quote: str, source_id: str, title: str) -> int:
    """Every place a quote appears, it is tied to its own source: in an evidence line followed by
    that source's id, or in the citations under that source's title (the nearest title before it)."""
    titles = ("Case file", "Second look")
    seen = 0
    for m in re.finditer(re.escape(quote), text):
        seen += 1
        cited = re.match(r"\s*”\s*\[([^\]]+)\]", text[m.end():])  # an evidence line: “quote” [ids]
        if cited:
            assert cited.group(1).split(", ") == [source_id], (quote, cited.group(0))
            continue
        before = text[:m.start()]
        nearest = max(titles, key=lambda t: before.rfind(t))
        assert nearest == title and before.rfind(title) > before.rfind("Citations"), (quote, text[m.start() - 200:m.end()])
    return seen


@pytest.mark.parametrize("fmt", ["html", "md", "pdf"])
def test_each_quote_is_printed_only_under_its_own_source(two_quotes, fmt):
    data = render(build(two_quotes), fmt)
    text = text_of_pdf(data) if fmt == "pdf" else data.decode("utf-8")
    if fmt == "html":
        text = re.sub(r"<[^>]+>", " ", text).replace("&#39;", "'").replace("&#x27;", "'")
    if fmt == "md":
        text = re.sub(r"\\(.)", r"\1", text)  # markdown escapes every punctuation mark
    text = re.sub(r"\s+", " ", text)
    assert _said_under(text, FIRST_QUOTE, "src:case", "Case file") >= 2
    assert _said_under(text, SECOND_QUOTE, "src:second", "Second look") >= 2


def test_each_quote_is_under_its_own_source_in_json(two_quotes):
    found = json.loads(render(build(two_quotes), "json"))
    cited = [c for f in found for c in f["citations"]]
    assert any(SECOND_QUOTE in c["quotes"] for c in cited)
    for c in cited:
        assert (SECOND_QUOTE in c["quotes"]) == (c["id"] == "src:second") or SECOND_QUOTE not in c["quotes"]
        assert SECOND_QUOTE not in c["quotes"] or c["id"] == "src:second"
        assert FIRST_QUOTE not in c["quotes"] or c["id"] == "src:case"


def test_unredacted_report_names_the_person(case):
    page = render(build(case), "html").decode("utf-8")
    assert "Jane Roe" in page  # the internal report is complete; redaction is a choice


@pytest.mark.parametrize("fmt", ["html", "md", "pdf", "json"])
def test_redacted_report_has_no_trace_of_a_protected_person(case, fmt):
    data = render(build(case, redact=True), fmt)
    if fmt == "pdf":
        text = text_of_pdf(data)
    else:
        text = data.decode("utf-8")
        for blob in re.findall(r"base64,([A-Za-z0-9+/=]+)", text):  # the embedded pictures too
            text += base64.b64decode(blob).decode("utf-8")
    for real in REAL:
        assert real.lower() not in text.lower(), (fmt, real)
    assert "Witness A" in text
    if fmt == "json":
        assert "protected:witness-a" in text


def test_report_command_writes_every_format(case, cli, tmp_path):
    for fmt in ("html", "md", "pdf", "json"):
        out = tmp_path / f"r.{fmt}"
        result = cli("report", "conflicts", "--out", out, "--redact")
        assert result.returncode == 0, result.stderr
        assert out.stat().st_size > 500 and "redacted" in result.stdout
    bad = cli("report", "conflicts", "--out", tmp_path / "r.doc", "--format", "doc")
    assert bad.returncode == 1 and "html, md, pdf, json" in bad.stderr


def test_every_format_shows_strength_and_documented_only_leaves_inferred_out(case, graph, cli, tmp_path):
    graph.driver.execute_query("MATCH ()-[r:PARTICIPATED_IN {role: 'accused'}]->() SET r.inferred = true",
                               database_=graph.database)
    report = build(case)
    double = [f for f in report.findings if f["rule"] == "double_role"]
    assert double and double[0]["inferred"] is True
    for fmt in ("html", "md", "pdf"):
        data = render(report, fmt)
        text = text_of_pdf(data) if fmt == "pdf" else data.decode("utf-8")
        assert "rests on an inferred link" in text and "every link documented" in text, fmt
    documented = build(case, documented_only=True)
    assert [f["rule"] for f in documented.findings] == [f["rule"] for f in report.findings if not f["inferred"]]
    listed = cli("conflicts", "--documented-only", "--format", "json")
    assert [f["rule"] for f in json.loads(listed.stdout)] == [f["rule"] for f in documented.findings]
    out = tmp_path / "documented.json"
    assert cli("report", "conflicts", "--out", out, "--documented-only").returncode == 0
    assert all(not f["inferred"] for f in json.loads(out.read_text()))


def test_only_web_addresses_become_links(case, graph):
    graph.driver.execute_query("MATCH (s:Source) SET s.url = 'javascript:alert(1)'", database_=graph.database)
    page = render(build(case), "html").decode("utf-8")
    assert 'href="javascript' not in page and "javascript:alert(1)" in page
