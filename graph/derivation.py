"""The one derivation policy: what a record or fact shows, given the claims datasets make on
it (docs/decisions.md, "One derivation policy, in one place"). Every value users see comes
from here, however it reaches the graph: a new record's one claim, a claim added after the
others, a corrected claim, a withdrawal, a merge. The policy is a fold, claim by claim in
rank order, so a claim ranked after every other is added to what a record holds without
reading the others (`add_to_record`, `add_to_fact`).
"""

from __future__ import annotations

from functools import lru_cache

from graph.vocabulary import load as load_vocabulary

# Values with a rule of their own; every other value is the first claim's that gives one.
_RECORD_RULES = ("name", "aliases", "sources", "name_keys", "datasets", "merged_ids", "protected", "pseudonym")
_FACT_RULES = ("sources", "datasets", "inferred")


@lru_cache(maxsize=None)
def _not_first(rules: tuple[str, ...]) -> frozenset[str]:
    """The keys not taken from the first claim that gives them: those with a rule of their own
    and a claim's own keys (vocabulary `claims.keys`), which are not values of its target."""
    return frozenset(rules) | frozenset(load_vocabulary().claim_keys)


def ranked(claims: list[dict]) -> list[dict]:
    """Claims in the order the policy takes them: the dataset's priority (higher first), then
    the earliest loaded, then the dataset's name. One dataset's claims on a merged record tie
    on all three: the record's own claim comes first (its id is the dataset's and the record's),
    then the others by id, so the order never depends on the order the server returns them."""
    return sorted(claims, key=lambda c: (-(c.get("priority") or 0), c.get("first_loaded") is None,
                                         c.get("first_loaded"), c["dataset"],
                                         c.get("id") != f"{c['dataset']}|{c.get('target')}", c.get("id") or ""))


def _union(*lists) -> list:
    return list(dict.fromkeys(x for items in lists for x in items or () if x is not None))


def _first(held: dict, said: dict, rules: tuple[str, ...]) -> dict:
    """Every value held, and those the claim gives that nothing held gave."""
    skip = _not_first(rules)
    values = {k: v for k, v in held.items() if v is not None and k not in skip}
    for k, v in said.items():
        if v is not None and k not in values and k not in skip:
            values[k] = v
    return values


def add_to_record(record: dict, claim: dict) -> dict:
    """The values of a record that held `record` (the values its claims give, {} for none)
    once `claim` is ranked after those claims:
    - the name is the first claim's that gives one; every other name and every alias is an
      alias, claim by claim (its name, then its aliases);
    - sources, datasets, search keys and the ids merged in (`merged_ids`: the ids other than
      the record's own its claims came with) are unions in that order;
    - `protected` is true once any claim says so; the pseudonym is the first a protecting
      claim gives;
    - every other value is the first claim's that gives one."""
    values = _first(record, claim, _RECORD_RULES)
    name = record.get("name") if record.get("name") is not None else claim.get("name")
    if name is not None:
        values["name"] = name
    aliases = [a for a in _union(record.get("aliases"), [record.get("name"), claim.get("name")], claim.get("aliases"))
               if a != name]
    said_id = claim["id"].split("|")[1]
    protected = True if claim.get("protected") is True or record.get("protected") is True else \
        (record.get("protected") if record.get("protected") is not None else claim.get("protected"))
    return values | {
        "aliases": aliases or None,
        "sources": _union(record.get("sources"), claim.get("sources")),
        "name_keys": _union(record.get("name_keys"), claim.get("name_keys")) or None,
        "datasets": _union(record.get("datasets"), [claim["dataset"]]),
        "merged_ids": _union(record.get("merged_ids"), [said_id] if said_id != claim["target"] else []) or None,
        "protected": protected, "pseudonym": _pseudonym(record, claim)}


def _pseudonym(record: dict, claim: dict) -> str | None:
    """The first a protecting claim gives: a pseudonym comes from the claims that protect
    (provenance.md); one given by a claim that does not protect stays in that claim."""
    if record.get("pseudonym") is None and claim.get("protected") is True:
        return claim.get("pseudonym")
    return record.get("pseudonym")


def add_to_fact(fact: dict, claim: dict) -> dict:
    """The values of a fact that held `fact` ({} for none) once `claim` is ranked after its
    claims: sources and datasets are unions; `inferred` is true only while every claim is an
    inference (one dataset's documented word makes the fact documented), null while none says;
    every other value (quote, note, confidence...) is the first claim's that gives one. Each
    claim keeps its own, with the sources it cited, for reports and Cypher."""
    was, says = (fact.get("inferred") if fact.get("datasets") else claim.get("inferred")), claim.get("inferred")
    return _first(fact, claim, _FACT_RULES) | {
        "sources": _union(fact.get("sources"), claim.get("sources")),
        "datasets": _union(fact.get("datasets"), [claim["dataset"]]),
        "inferred": (was is True and says is True) or (None if was is None and says is None else False)}


def _fold(add, claims: list[dict]) -> dict:
    values: dict = {}
    for claim in ranked(claims):
        values = add(values, claim)
    return values or {"datasets": []}


def record(claims: list[dict]) -> dict:
    """A record's values from all its claims; a record no claim holds keeps its id only."""
    return _fold(add_to_record, claims)


def fact(claims: list[dict]) -> dict:
    """A fact's values from all its claims."""
    return _fold(add_to_fact, claims)
