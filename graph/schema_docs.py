"""docs/schema.md, generated from graph/vocabulary.yaml.

Run `make schema-docs` (or `python -m graph.schema_docs > docs/schema.md`);
a test fails while the committed file differs from what this prints.
"""

from __future__ import annotations

from graph.vocabulary import Vocabulary, load


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render(vocab: Vocabulary | None = None) -> str:
    vocab = vocab or load()
    out = ["# Schema", "",
           "<!-- Generated from graph/vocabulary.yaml by `make schema-docs`; do not edit. -->", "",
           "Every data node carries the label `" + vocab.entity_label + "` (one graph-wide "
           "uniqueness constraint on `id`) and its own label; actors also carry `Actor`. "
           "Every node also has `datasets` (the datasets that contributed it).", "",
           "## Labels and their dataset files", ""]
    for lab in vocab.labels.values():
        extra = " :Actor" if lab.actor else ""
        out += [f"### `{lab.name}`{extra} — `{lab.file}.csv`", "", lab.description, "",
                "| column | type | required | notes |", "|---|---|---|---|"]
        for col in lab.columns.values():
            out.append(f"| `{col.name}` | {_type(col)} | {'yes' if col.required else ''} | "
                       f"{_cell(col.doc)} |")
        out.append("")
    out += [f"## Relations — `{vocab.relation_file}.csv`", "",
            "| column | type | required | notes |", "|---|---|---|---|"]
    for col in vocab.relation_columns.values():
        out.append(f"| `{col.name}` | {_type(col)} | {'yes' if col.required else ''} | "
                   f"{_cell(col.doc)} |")
    out += ["", "| relation | from | to | meaning | extra |", "|---|---|---|---|---|"]
    for r in vocab.relations.values():
        out.append(f"| `{r.name}` | {', '.join(r.sources)} | {', '.join(r.targets)} | "
                   f"{_cell(r.description)} | {', '.join(r.extra)} |")
    out += ["", "Every relationship also stores `id` (stable, derived from subject, relation, "
            "object, role and dates), `sources`, `confidence`, `start`/`end` as written and "
            "`valid_from`/`valid_to` as dates, so validity at a date D is "
            "`(r.valid_from IS NULL OR r.valid_from <= D) AND (r.valid_to IS NULL OR r.valid_to >= D)`. "
            "Events likewise store `date_from`/`date_to`.", "",
            "Written by the project itself:", ""]
    for name, desc in {**vocab.system_labels, **vocab.system_relations}.items():
        out.append(f"- `{name}`: {_cell(desc)}")
    for list_name, values in vocab.lists.items():
        out += ["", f"## `{list_name}`", "", "| value | meaning |", "|---|---|"]
        out += [f"| `{k}` | {_cell(v)} |" for k, v in values.items()]
    return "\n".join(out) + "\n"


def _type(col) -> str:
    if col.type == "vocab":
        return f"one of [`{col.list}`](#{col.list})"
    if col.type == "refs":
        return f"ids of {', '.join(col.of)} (`;`-separated)"
    return col.type


if __name__ == "__main__":
    print(render(), end="")
