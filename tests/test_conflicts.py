"""Each conflict rule on small graphs made for it: a positive and a negative
case, and the date and distance edge cases the rules must get right.

The base case: a ministry (under an apex presidency) runs the city police,
whose district department employs the officer accused of beating the victim
on 2022-01-05; the victim's lawyer complains on 2022-02-01; an inquiry on
2022-03-01 concerns the complaint. Each test says who runs the inquiry and
what else happened.
"""

from __future__ import annotations

import json

import pytest

from graph.conflicts import findings, rules
from ingest.load import ingest
from tests.datasets import write_dataset

S = "src:case"


def rel(subject, relation, obj, role="", start="", end=""):
    return {"subject": subject, "relation": relation, "object": obj, "role": role,
            "start": start, "end": end, "sources": S}


def base() -> dict:
    return {
        "sources": [{"id": S, "title": "Case file"}],
        "agencies": [{"id": "agency:president", "name": "Presidency", "apex": "true"},
                     {"id": "agency:ministry", "name": "Ministry of Interior"},
                     {"id": "agency:prosecution", "name": "Prosecution Service"}],
        "units": [{"id": "unit:police", "name": "City Police"},
                  {"id": "unit:district", "name": "District Police"},
                  {"id": "unit:inspectorate", "name": "Inspectorate"},
                  {"id": "unit:city-prosecutor", "name": "City Prosecutor"}],
        "facilities": [{"id": "facility:jail", "name": "City Jail"}],
        "people": [{"id": "person:victim", "name": "Victim V"}, {"id": "person:officer", "name": "Officer O"},
                   {"id": "person:lawyer", "name": "Lawyer L"}, {"id": "person:wife", "name": "Wife W"}],
        "events": [{"id": "event:torture", "type": "ill_treatment", "title": "Beating of V", "date": "2022-01-05",
                    "status": "alleged"},
                   {"id": "event:complaint", "type": "complaint", "title": "L's complaint", "date": "2022-02-01"},
                   {"id": "event:inquiry", "type": "investigation", "title": "Inquiry", "date": "2022-03-01"}],
        "relations": [
            rel("agency:ministry", "PART_OF", "agency:president"),
            rel("agency:prosecution", "PART_OF", "agency:president"),
            rel("unit:police", "PART_OF", "agency:ministry"),
            rel("unit:district", "PART_OF", "unit:police"),
            rel("unit:inspectorate", "PART_OF", "agency:ministry"),
            rel("unit:city-prosecutor", "PART_OF", "agency:prosecution"),
            rel("unit:police", "OPERATES", "facility:jail"),
            rel("person:officer", "MEMBER_OF", "unit:district", start="2020"),
            rel("person:lawyer", "REPRESENTS", "person:victim"),
            rel("person:wife", "RELATED_TO", "person:victim", role="wife"),
            rel("person:victim", "PARTICIPATED_IN", "event:torture", "victim"),
            rel("person:officer", "PARTICIPATED_IN", "event:torture", "alleged_perpetrator"),
            rel("person:lawyer", "PARTICIPATED_IN", "event:complaint", "complainant"),
            rel("event:complaint", "CONCERNS", "event:torture"),
            rel("event:inquiry", "CONCERNS", "event:complaint"),
        ],
    }


def load(graph, tmp_path, case: dict):
    ingest(graph, write_dataset(tmp_path / "case", "case", **case))


def run(graph, tmp_path, *, overseer: str | None = None, extra_units=(), extra_events=(),
        extra_relations=(), drop=(), rule=None, **kw) -> list[dict]:
    case = base()
    case["units"] += list(extra_units)
    case["events"] += list(extra_events)
    case["relations"] = [r for r in case["relations"] if (r["subject"], r["relation"], r["object"]) not in drop]
    case["relations"] += list(extra_relations)
    if overseer:
        case["relations"].append(rel(overseer, "PARTICIPATED_IN", "event:inquiry", "investigating_body"))
    load(graph, tmp_path, case)
    return findings(graph, rule, **kw)


def by_rule(found, rule):
    return [f for f in found if f["rule"] == rule]


def test_findings_have_exactly_the_designed_shape(graph, tmp_path):
    found = run(graph, tmp_path, overseer="unit:district")
    assert found
    for f in found:
        assert list(f) == ["rule", "severity", "allegation", "actor", "implicated", "events", "evidence",
                           "sources", "explanation", "weakest_confidence", "inferred"]
        assert isinstance(f["implicated"], list)
        assert set(f["evidence"]) == {"nodes", "relationships"}
        assert f["sources"] == [S]
        assert all(r.startswith("rel:") for r in f["evidence"]["relationships"])


def test_there_are_six_rules_each_a_cypher_file():
    assert set(rules()) == {"self_investigation", "custodian_oversight", "superior_investigation",
                            "double_role", "retaliation", "shared_command"}


# -- self_investigation ---------------------------------------------------

def test_self_investigation_fires_when_the_accused_unit_investigates(graph, tmp_path):
    found = by_rule(run(graph, tmp_path, overseer="unit:district"), "self_investigation")
    assert len(found) == 1
    f = found[0]
    assert (f["severity"], f["allegation"], f["actor"], f["implicated"]) == \
        ("critical", "event:torture", "unit:district", ["unit:district"])
    assert f["events"] == ["event:inquiry"]
    nodes = set(f["evidence"]["nodes"])
    assert {"unit:district", "person:officer", "event:torture", "event:complaint", "event:inquiry"} <= nodes
    assert "District Police, the very body implicated in it" in f["explanation"]


def test_self_investigation_fires_for_a_unit_inside_the_accused_body(graph, tmp_path):
    found = by_rule(run(graph, tmp_path, overseer="unit:internal",
                        extra_units=[{"id": "unit:internal", "name": "Internal Affairs Desk"}],
                        extra_relations=[rel("unit:internal", "PART_OF", "unit:district")]),
                    "self_investigation")
    assert [(f["actor"], f["implicated"]) for f in found] == [("unit:internal", ["unit:district"])]
    assert "a unit inside District Police" in found[0]["explanation"]


def test_self_investigation_silent_for_an_independent_body(graph, tmp_path):
    found = run(graph, tmp_path, overseer="unit:city-prosecutor")
    assert found == []


@pytest.mark.parametrize("unit, until, rule", [("unit:district", "2023", "self_investigation"),
                                                ("unit:police", "2023", "superior_investigation"),
                                                ("unit:district", "2021", None)])
def test_a_person_investigating_makes_the_body_they_serve_in_at_the_inquirys_date_its_overseer(
        graph, tmp_path, unit, until, rule):
    """No body is named in the inquiry, only the detective who ran it: the body he served in on
    its date oversees it (the accused's own unit, or the one above it); not one he had left."""
    detective = {"id": "person:detective", "name": "Detective D"}
    case = base()
    case["people"].append(detective)
    case["relations"] += [rel("person:detective", "MEMBER_OF", unit, start="2019", end=until),
                          rel("person:detective", "PARTICIPATED_IN", "event:inquiry", "investigator")]
    load(graph, tmp_path, case)
    found = [f for f in findings(graph) if f["rule"] != "retaliation"]
    assert [(f["rule"], f["actor"], f["implicated"]) for f in found] == \
        ([(rule, unit, ["unit:district"])] if rule else [])
    assert not found or {"person:detective", "event:inquiry"} <= set(found[0]["evidence"]["nodes"])


def test_membership_that_begins_after_the_allegation_does_not_implicate(graph, tmp_path):
    found = run(graph, tmp_path, overseer="unit:district",
                drop=[("person:officer", "MEMBER_OF", "unit:district")],
                extra_relations=[rel("person:officer", "MEMBER_OF", "unit:district", start="2022-06")])
    assert by_rule(found, "self_investigation") == []


def test_unit_that_moved_to_another_parent_before_the_investigation(graph, tmp_path):
    moved = dict(extra_units=[{"id": "unit:internal", "name": "Internal Affairs Desk"}],
                 extra_relations=[rel("unit:internal", "PART_OF", "unit:district", end="2022-02-10"),
                                  rel("unit:internal", "PART_OF", "unit:inspectorate", start="2022-02-11")])
    found = run(graph, tmp_path, overseer="unit:internal", **moved)
    assert by_rule(found, "self_investigation") == []  # at the inquiry's date it sits elsewhere
    assert [f["actor"] for f in by_rule(found, "shared_command")] == ["unit:internal"]


# -- custodian_oversight --------------------------------------------------

def test_custodian_oversight_fires_when_the_jailer_investigates(graph, tmp_path):
    found = run(graph, tmp_path, overseer="unit:police",
                extra_relations=[rel("event:torture", "OCCURRED_AT", "facility:jail")])
    custodian = by_rule(found, "custodian_oversight")
    assert [(f["severity"], f["actor"], f["implicated"]) for f in custodian] == \
        [("critical", "unit:police", ["unit:police"])]
    assert "facility:jail" in custodian[0]["evidence"]["nodes"]
    assert "happened in City Jail, which City Police runs" in custodian[0]["explanation"]
    assert found[0]["severity"] == "critical"  # most severe first


def test_custodian_oversight_silent_when_the_facility_is_run_by_another(graph, tmp_path):
    found = run(graph, tmp_path, overseer="unit:inspectorate",
                extra_relations=[rel("event:torture", "OCCURRED_AT", "facility:jail")])
    assert by_rule(found, "custodian_oversight") == []


def test_custodian_oversight_respects_when_the_facility_changed_hands(graph, tmp_path):
    found = run(graph, tmp_path, overseer="unit:police",
                drop=[("unit:police", "OPERATES", "facility:jail")],
                extra_relations=[rel("event:torture", "OCCURRED_AT", "facility:jail"),
                                 rel("unit:police", "OPERATES", "facility:jail", start="2023")])
    assert by_rule(found, "custodian_oversight") == []


# -- superior_investigation -----------------------------------------------

def test_superior_investigation_fires_for_the_accused_units_superiors(graph, tmp_path):
    found = by_rule(run(graph, tmp_path, overseer="agency:ministry"), "superior_investigation")
    assert [(f["severity"], f["actor"], f["implicated"]) for f in found] == \
        [("high", "agency:ministry", ["unit:district"])]
    assert "stands 2 levels above District Police" in found[0]["explanation"]


def test_superior_investigation_stops_below_the_apex(graph, tmp_path):
    found = run(graph, tmp_path, overseer="agency:president")
    assert found == []


# -- double_role ----------------------------------------------------------

CHARGE = {"id": "event:charge", "type": "charge", "title": "V charged with rioting", "date": "2022-01-20"}


def test_double_role_fires_when_the_overseer_prosecutes_the_victim(graph, tmp_path):
    found = run(graph, tmp_path, extra_events=[CHARGE],
                extra_relations=[rel("unit:city-prosecutor", "PARTICIPATED_IN", "event:inquiry", "prosecuting_body"),
                                 rel("unit:city-prosecutor", "PARTICIPATED_IN", "event:charge", "prosecuting_body"),
                                 rel("person:victim", "PARTICIPATED_IN", "event:charge", "accused")])
    found = by_rule(found, "double_role")
    assert [(f["actor"], f["events"]) for f in found] == [("unit:city-prosecutor", ["event:inquiry", "event:charge"])]
    assert "where the alleged victim, Victim V, is the accused" in found[0]["explanation"]


def test_double_role_silent_when_the_victim_is_not_the_accused(graph, tmp_path):
    found = run(graph, tmp_path, extra_events=[CHARGE],
                extra_relations=[rel("unit:city-prosecutor", "PARTICIPATED_IN", "event:inquiry", "prosecuting_body"),
                                 rel("unit:city-prosecutor", "PARTICIPATED_IN", "event:charge", "prosecuting_body"),
                                 rel("person:victim", "PARTICIPATED_IN", "event:charge", "witness")])
    assert by_rule(found, "double_role") == []


# -- retaliation ----------------------------------------------------------

def retaliation_event(date):
    return {"id": "event:letter", "type": "retaliation", "title": "Demand to disbar L", "date": date}


def test_retaliation_fires_against_the_lawyer_by_the_accused_chain(graph, tmp_path):
    found = run(graph, tmp_path, extra_events=[retaliation_event("2022-04")],
                extra_relations=[rel("person:lawyer", "PARTICIPATED_IN", "event:letter", "victim"),
                                 rel("unit:police", "PARTICIPATED_IN", "event:letter", "investigating_body")])
    found = by_rule(found, "retaliation")
    assert [(f["actor"], f["implicated"], f["events"]) for f in found] == \
        [("unit:police", ["unit:district"], ["event:letter"])]
    assert "against Lawyer L, while in the chain accused of it" in found[0]["explanation"]


def test_retaliation_against_a_relative_by_the_overseer(graph, tmp_path):
    arrest = {"id": "event:arrest", "type": "arrest", "title": "W arrested at a picket", "date": "2022-05-02"}
    found = run(graph, tmp_path, overseer="unit:city-prosecutor", extra_events=[arrest],
                extra_relations=[rel("person:wife", "PARTICIPATED_IN", "event:arrest", "victim"),
                                 rel("unit:city-prosecutor", "PARTICIPATED_IN", "event:arrest", "prosecuting_body")])
    found = by_rule(found, "retaliation")
    assert [(f["actor"], f["events"]) for f in found] == [("unit:city-prosecutor", ["event:arrest", "event:inquiry"])]
    assert "overseeing the inquiry into it" in found[0]["explanation"]


@pytest.mark.parametrize("until, fires", [("", True), ("2021", False)])
def test_retaliation_by_the_body_of_a_person_investigating(graph, tmp_path, until, fires):
    """The inquiry names only its detective; the prosecutor's office he serves in at its date
    oversees it (conflict-rules.md, "Overseer"), and then has the victim's wife arrested. Had he
    left the office before the inquiry, the office would be no overseer."""
    arrest = {"id": "event:arrest", "type": "arrest", "title": "W arrested at a picket", "date": "2022-05-02"}
    detective = {"id": "person:detective", "name": "Detective D"}
    case = base()
    case["people"].append(detective)
    case["events"].append(arrest)
    case["relations"] += [rel("person:detective", "MEMBER_OF", "unit:city-prosecutor", start="2019", end=until),
                          rel("person:detective", "PARTICIPATED_IN", "event:inquiry", "investigator"),
                          rel("person:wife", "PARTICIPATED_IN", "event:arrest", "victim"),
                          rel("unit:city-prosecutor", "PARTICIPATED_IN", "event:arrest", "prosecuting_body")]
    load(graph, tmp_path, case)
    found = findings(graph, "retaliation")
    assert [(f["actor"], f["events"]) for f in found] == \
        ([("unit:city-prosecutor", ["event:arrest", "event:inquiry"])] if fires else [])
    assert not fires or "person:detective" in found[0]["evidence"]["nodes"]


def test_retaliation_by_an_overseer_counts_only_an_inquiry_begun_by_the_as_of_date(graph, tmp_path):
    """The wife is arrested on 15 February by the prosecutor's office that opens the inquiry on
    1 March: on 20 February nobody could yet call it an overseer (docs/decisions.md, --as-of)."""
    arrest = {"id": "event:arrest", "type": "arrest", "title": "W arrested at a picket", "date": "2022-02-15"}
    case = base()
    case["events"].append(arrest)
    case["relations"] += [rel("unit:city-prosecutor", "PARTICIPATED_IN", "event:inquiry", "investigating_body"),
                          rel("person:wife", "PARTICIPATED_IN", "event:arrest", "victim"),
                          rel("unit:city-prosecutor", "PARTICIPATED_IN", "event:arrest", "prosecuting_body")]
    load(graph, tmp_path, case)
    assert findings(graph, "retaliation", as_of="2022-02-20") == []
    assert [f["actor"] for f in findings(graph, "retaliation", as_of="2022-03-15")] == ["unit:city-prosecutor"]


def test_retaliation_dated_before_the_complaint_is_not_retaliation(graph, tmp_path):
    found = run(graph, tmp_path, extra_events=[retaliation_event("2022-01-20")],
                extra_relations=[rel("person:lawyer", "PARTICIPATED_IN", "event:letter", "victim"),
                                 rel("unit:police", "PARTICIPATED_IN", "event:letter", "investigating_body")])
    assert by_rule(found, "retaliation") == []


def test_retaliation_silent_when_the_acting_body_is_independent(graph, tmp_path):
    found = run(graph, tmp_path, extra_events=[retaliation_event("2022-04")],
                extra_relations=[rel("person:lawyer", "PARTICIPATED_IN", "event:letter", "victim"),
                                 rel("unit:city-prosecutor", "PARTICIPATED_IN", "event:letter", "investigating_body")])
    assert by_rule(found, "retaliation") == []


# -- shared_command -------------------------------------------------------

def test_shared_command_fires_for_a_sibling_under_the_same_ministry(graph, tmp_path):
    found = run(graph, tmp_path, overseer="unit:inspectorate")
    assert [(f["rule"], f["severity"], f["actor"], f["implicated"]) for f in found] == \
        [("shared_command", "medium", "unit:inspectorate", ["unit:district"])]
    assert "answers to Ministry of Interior like District Police" in found[0]["explanation"]


def test_shared_command_respects_max_depth(graph, tmp_path):
    assert run(graph, tmp_path, overseer="unit:inspectorate", max_depth=1) == []  # district is 2 hops down


def test_a_superior_is_not_also_a_sibling_when_a_reorganisation_gives_both_a_common_superior(graph, tmp_path):
    """City Police is above District Police: superior_investigation, not shared_command, even
    though, the police's link to the ministry having been cut and made again between the beating
    and the inquiry, the two climb to the ministry by different links (the climbs alone would
    call them siblings)."""
    found = run(graph, tmp_path, overseer="unit:police",
                drop=[("unit:police", "PART_OF", "agency:ministry")],
                extra_relations=[rel("unit:police", "PART_OF", "agency:ministry", end="2022-01-31"),
                                 rel("unit:police", "PART_OF", "agency:ministry", start="2022-02-15")])
    assert [f["actor"] for f in by_rule(found, "superior_investigation")] == ["unit:police"]
    assert by_rule(found, "shared_command") == []


def test_bodies_meeting_only_at_the_apex_are_independent(graph, tmp_path):
    found = run(graph, tmp_path, overseer="agency:prosecution", max_depth=5)
    assert found == []


# -- the reach of CONCERNS and of --as-of ----------------------------------

@pytest.mark.parametrize("hops,fires", [(3, True), (4, False)])
def test_oversight_reaches_three_concerns_hops_not_four(graph, tmp_path, hops, fires):
    middle = [{"id": f"event:step{n}", "type": "statement", "title": f"Step {n}", "date": "2022-02-15"}
              for n in range(hops - 2)]
    chain = ["event:inquiry", *[e["id"] for e in middle], "event:complaint"]
    links = [rel(a, "CONCERNS", b) for a, b in zip(chain, chain[1:])]
    found = run(graph, tmp_path, overseer="unit:district", extra_events=middle, extra_relations=links,
                drop=[("event:inquiry", "CONCERNS", "event:complaint")])
    assert bool(by_rule(found, "self_investigation")) is fires


def test_as_of_leaves_out_later_events(graph, tmp_path):
    assert run(graph, tmp_path, overseer="unit:district", as_of="2022-02-15") == []
    assert findings(graph, as_of="2022-03-01")


# -- custody reaches units inside the custodian (design: conflict-rules.md) ----

def test_a_unit_inside_the_custodian_is_as_critical_as_the_custodian(graph, tmp_path):
    found = run(graph, tmp_path, overseer="unit:jail-investigations",
                extra_units=[{"id": "unit:jail-investigations", "name": "Jail Investigations Department"}],
                extra_relations=[rel("event:torture", "OCCURRED_AT", "facility:jail"),
                                 rel("unit:jail-investigations", "PART_OF", "unit:police")])
    custodian = by_rule(found, "custodian_oversight")
    assert [(f["severity"], f["actor"], f["implicated"]) for f in custodian] == \
        [("critical", "unit:jail-investigations", ["unit:police"])]
    assert "Jail Investigations Department, a unit inside City Police, investigated it" in \
        custodian[0]["explanation"]
    assert found[0]["rule"] == "custodian_oversight"  # critical, not only a medium shared_command


def test_a_unit_that_left_the_custodian_before_the_inquiry_is_not_custodial(graph, tmp_path):
    found = run(graph, tmp_path, overseer="unit:jail-investigations",
                extra_units=[{"id": "unit:jail-investigations", "name": "Jail Investigations Department"}],
                extra_relations=[rel("event:torture", "OCCURRED_AT", "facility:jail"),
                                 rel("unit:jail-investigations", "PART_OF", "unit:police", end="2022-02")])
    assert by_rule(found, "custodian_oversight") == []


# -- one finding per rule, allegation and actor -----------------------------

def test_an_overseer_tied_through_two_bodies_is_one_finding_listing_both(graph, tmp_path):
    """The ministry stands above the district (the officer's unit) and above the city police
    (which detained the victim): one superior_investigation finding naming both."""
    found = run(graph, tmp_path, overseer="agency:ministry",
                extra_relations=[rel("unit:police", "PARTICIPATED_IN", "event:torture", "detaining_body")])
    superior = by_rule(found, "superior_investigation")
    assert len(superior) == 1
    assert sorted(superior[0]["implicated"]) == ["unit:district", "unit:police"]
    assert "above City Police" in superior[0]["explanation"] and "above District Police" in superior[0]["explanation"]
    keys = [(f["rule"], f["allegation"], f["actor"]) for f in found]
    assert len(keys) == len(set(keys)), keys


def test_two_retaliations_by_one_body_are_one_finding(graph, tmp_path):
    second = {"id": "event:letter2", "type": "obstruction", "title": "L barred from the file", "date": "2022-05"}
    found = run(graph, tmp_path, extra_events=[retaliation_event("2022-04"), second],
                extra_relations=[rel("person:lawyer", "PARTICIPATED_IN", "event:letter", "victim"),
                                 rel("unit:police", "PARTICIPATED_IN", "event:letter", "investigating_body"),
                                 rel("person:lawyer", "PARTICIPATED_IN", "event:letter2", "victim"),
                                 rel("unit:police", "PARTICIPATED_IN", "event:letter2", "investigating_body")])
    found = by_rule(found, "retaliation")
    assert [(f["actor"], f["events"]) for f in found] == [("unit:police", ["event:letter", "event:letter2"])]
    assert '"Demand to disbar L" (2022-04) and "L barred from the file" (2022-05)' in found[0]["explanation"]


# -- strength ----------------------------------------------------------------

def test_strength_documented_finding(graph, tmp_path):
    f = by_rule(run(graph, tmp_path, overseer="unit:district"), "self_investigation")[0]
    assert (f["weakest_confidence"], f["inferred"]) == ("medium", False)
    assert "Inferred" not in f["explanation"] and "low-confidence" not in f["explanation"]


def test_strength_names_the_inferred_link_and_documented_only_leaves_it_out(graph, tmp_path):
    case = base()
    case["sources"].append({"id": "src:background", "title": "What everyone knows", "kind": "background"})
    case["relations"] = [dict(r, sources="src:background", confidence="low")
                         if (r["subject"], r["relation"]) == ("unit:district", "PART_OF") else r
                         for r in case["relations"]]
    case["relations"].append(rel("agency:ministry", "PARTICIPATED_IN", "event:inquiry", "investigating_body"))
    load(graph, tmp_path, case)
    f = by_rule(findings(graph), "superior_investigation")[0]
    assert (f["weakest_confidence"], f["inferred"]) == ("low", True)
    assert "Inferred, not stated by a source: «District Police PART_OF City Police»." in f["explanation"]
    assert "low-confidence" in f["explanation"]
    assert by_rule(findings(graph, documented_only=True), "superior_investigation") == []


def test_a_link_marked_inferred_makes_the_finding_inferred(graph, tmp_path):
    case = base()
    case["relations"] = [dict(r, inferred="true") if (r["subject"], r["relation"]) ==
                         ("person:officer", "MEMBER_OF") else r for r in case["relations"]]
    case["relations"].append(rel("unit:district", "PARTICIPATED_IN", "event:inquiry", "investigating_body"))
    load(graph, tmp_path, case)
    f = by_rule(findings(graph), "self_investigation")[0]
    assert f["inferred"] is True and f["weakest_confidence"] == "medium"
    assert "«Officer O MEMBER_OF District Police»" in f["explanation"]


def test_the_rules_take_their_terms_from_the_vocabulary():
    """No rule file lists an event type or role of its own: they come from conflict_terms."""
    from graph.vocabulary import load as vocabulary
    terms = vocabulary().conflict_terms
    for name, q in rules().items():
        body = "\n".join(line for line in q.text.splitlines() if not line.startswith("//"))
        for term in ("allegation_types", "oversight_types"):
            for value in terms[term]:
                assert f"'{value}'" not in body, (name, value)


@pytest.mark.parametrize("rule", [None, "self_investigation", "retaliation"])
def test_a_rule_printed_with_its_params_runs_by_itself_as_in_neo4j_browser(graph, tmp_path, cli, rule):
    """`conflicts --cypher` prints the whole statement (what the rules start from, then the rule
    or all of them) and its `:param` lines; run as printed, read-only, it finds what the command
    finds."""
    found = run(graph, tmp_path, overseer="unit:district",
                extra_events=[{"id": "event:arrest", "type": "arrest", "title": "Arrest of L", "date": "2022-04-01"}],
                extra_relations=[rel("person:lawyer", "PARTICIPATED_IN", "event:arrest", "accused"),
                                 rel("unit:district", "PARTICIPATED_IN", "event:arrest", "detaining_body")])
    shown = cli("conflicts", "--cypher", *(["--rule", rule] if rule else []))
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    params = dict(line[len(":param "):].split(" => ", 1) for line in lines if line.startswith(":param "))
    text = "\n".join(line for line in lines if not line.startswith(":param "))
    rows = graph.run_user_query(text, {k: json.loads(v) for k, v in params.items()}, write=False,
                                timeout=60, row_cap=1000).records
    expected = {(f["rule"], f["allegation"], f["actor"]) for f in found if rule in (None, f["rule"])}
    assert {(r["rule"], r["allegation"], r["actor"]) for r in rows} == expected
    assert {"self_investigation", "retaliation"} <= {f["rule"] for f in found} and expected
