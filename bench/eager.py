"""Which write statements plan Eager operators (issue 12 asks the incremental path to avoid
them: an Eager holds every row of a batch before the next step). EXPLAIN of each `mode: write`
statement under cypher/ on a private server with the schema applied, every parameter null;
prints how many Eager operators each plan holds and the conflicts the planner gives for them.

Run with `python -m bench.eager`."""

from __future__ import annotations

import re
from collections import Counter

from bench.private import private_graph
from graph import querylib

TEMPLATES = ("schema/",)  # rendered with names before they run: not Cypher as they stand


def eagers(plan: dict) -> list[str]:
    """The conflicts of every Eager operator in a plan (the planner's own words, shortened)."""
    found = []
    if plan["operatorType"].startswith("Eager@"):
        details = str(plan.get("args", {}).get("Details", ""))
        found.append(re.sub(r" \(Operator: [^)]*\)", "", details).split(", ")[0])
    for child in plan.get("children", []):
        found += eagers(child)
    return found


def main() -> None:
    statements = sorted(p.relative_to(querylib.cypher_dir()).with_suffix("").as_posix()
                        for p in querylib.cypher_dir().rglob("*.cypher"))
    with private_graph() as (g, _):
        print(f"{'statement':<32} {'Eager':>5}  first conflicts")
        for name in statements:
            q = querylib.get(name)
            if q.mode != "write" or name.startswith(TEMPLATES):
                continue
            with g.session() as session:
                plan = session.run("EXPLAIN " + q.text, dict.fromkeys(q.param_names)).consume().plan
            found = eagers(plan)
            reasons = "; ".join(f"{k} (x{n})" if n > 1 else k for k, n in Counter(found).most_common(3))
            print(f"{name:<32} {len(found):>5}  {reasons}", flush=True)


if __name__ == "__main__":
    main()
