"""The one derivation policy (graph/derivation.py) on claims as the graph holds them: the
rules docs/decisions.md states, each checked on its own, and the fold that lets a load add a
claim ranked last to what a record holds without reading the others."""

from itertools import permutations

from hypothesis import given, strategies as st

from graph import derivation


def claim(dataset: str, priority: int = 0, loaded: int = 0, target: str = "person:a", said: str | None = None,
          **values) -> dict:
    return {"id": f"{dataset}|{said or target}", "dataset": dataset, "target": target, "label": "Person",
            "priority": priority, "first_loaded": loaded, "last_run": "run:x", **values}


def test_claims_are_taken_by_priority_then_first_loaded_then_dataset_name():
    claims = [claim("b", loaded=1, name="B"), claim("a", loaded=1, name="A"), claim("c", priority=2, loaded=5, name="C"),
              claim("d", loaded=0, name="D")]
    for order in permutations(claims):
        assert [c["dataset"] for c in derivation.ranked(list(order))] == ["c", "d", "a", "b"]
        record = derivation.record(list(order))
        assert record["name"] == "C"
        assert record["aliases"] == ["D", "A", "B"]
        assert record["datasets"] == ["c", "d", "a", "b"]



def test_one_datasets_claims_on_a_merged_record_rank_the_records_own_first_whatever_the_order():
    """A merge of two ids one dataset gave leaves two claims that tie on priority, load time
    and dataset: the record's own claim (the id the merge kept) names it, and the order never
    depends on the order the server returns them."""
    claims = [claim("ngo", said="person:c", name="C"), claim("ngo", name="A"), claim("ngo", said="person:b", name="B")]
    for order in permutations(claims):
        record = derivation.record(list(order))
        assert record["name"] == "A" and record["aliases"] == ["B", "C"]
        assert record["merged_ids"] == ["person:b", "person:c"]

def test_a_record_takes_every_name_sources_and_the_first_value_given():
    record = derivation.record([
        claim("court", priority=5, name="Officer Primo", sources=["src:c"], name_keys=["primo"]),
        claim("press", loaded=1, name="Officer One", aliases=["O. One", "Officer Primo"], sources=["src:p", "src:c"],
              description="a captain", rank=None, name_keys=["one", "primo"]),
        claim("ngo", loaded=2, description="a major", birth="1970", said="person:a2"),
    ])
    assert record["name"] == "Officer Primo"
    assert record["aliases"] == ["Officer One", "O. One"]
    assert record["sources"] == ["src:c", "src:p"]
    assert record["name_keys"] == ["primo", "one"]
    assert record["description"] == "a captain" and record["birth"] == "1970"
    assert "rank" not in record
    assert record["merged_ids"] == ["person:a2"]
    assert not {"id", "label", "priority", "first_loaded", "last_run", "target"} & set(record)


def test_protection_holds_while_any_claim_says_so_and_the_pseudonym_comes_from_claims_that_protect():
    public = claim("press", name="Aigerim", pseudonym="Witness A")  # a pseudonym, but no protection
    protecting = claim("lawyer", loaded=1, name="Aigerim", protected=True, pseudonym="Witness 7")
    unprotecting = claim("ngo", loaded=2, protected=False, pseudonym="W-3")
    record = derivation.record([public, protecting, unprotecting])
    assert record["protected"] is True
    assert record["pseudonym"] == "Witness 7"
    assert derivation.record([public, unprotecting])["protected"] is False
    assert derivation.record([public])["pseudonym"] is None  # it stays in the claim
    assert derivation.record([public])["protected"] is None
    bare = claim("court", priority=1, protected=True)  # ranks first, protects, gives no pseudonym
    assert derivation.record([public, bare])["pseudonym"] is None
    assert derivation.record([public, bare, protecting])["pseudonym"] == "Witness 7"


def test_a_fact_is_inferred_only_while_every_claim_infers_it():
    def fact(*inferred):
        return derivation.fact([claim(f"d{k}", loaded=k, inferred=i, quote=f"q{k}", sources=[f"src:{k}"])
                                for k, i in enumerate(inferred)])
    assert fact(True)["inferred"] is True
    assert fact(True, True)["inferred"] is True
    assert fact(True, None)["inferred"] is False
    assert fact(None, True)["inferred"] is False
    assert fact(False)["inferred"] is False
    assert fact(None)["inferred"] is None
    assert fact(None, None)["quote"] == "q0"
    assert fact(True, None)["sources"] == ["src:0", "src:1"]


def test_nothing_claimed_leaves_nothing_but_an_empty_list_of_datasets():
    assert derivation.record([]) == {"datasets": []}
    assert derivation.fact([]) == {"datasets": []}


_values = st.one_of(st.none(), st.sampled_from(["x", "y", "Айгерим", "z"]))
_claims = st.lists(st.builds(
    lambda k, p, name, aliases, desc, prot, pseud, inf: claim(
        f"d{k}", priority=p, loaded=k, name=name, aliases=aliases, description=desc, protected=prot,
        pseudonym=pseud, inferred=inf, sources=[f"src:{k % 3}"], said="person:b" if k % 4 == 3 else None),
    st.integers(0, 50), st.integers(0, 2), _values, st.one_of(st.none(), st.lists(_values.filter(bool), max_size=3)),
    _values, st.one_of(st.none(), st.booleans()), _values, st.one_of(st.none(), st.booleans())),
    max_size=6, unique_by=lambda c: c["dataset"])


@given(_claims, _claims)
def test_a_claim_ranked_last_is_added_to_what_the_record_holds(held, more):
    """What a load does for a new claim that ranks after every other (claims/append_*): the
    claim added to the record's values gives what deriving from every claim gives."""
    for k, extra in enumerate(more):
        last = extra | {"dataset": f"last{k}", "id": f"last{k}|person:a", "priority": -1, "first_loaded": 100 + k}
        everything = held + [last]
        assert derivation.add_to_record(derivation.record(held), last) == derivation.record(everything)
        assert derivation.add_to_fact(derivation.fact(held), last) == derivation.fact(everything)
        held = everything
