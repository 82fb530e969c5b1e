"""A chain of responsibility drawn as a tree in the terminal (every value from the graph
`shown`, never obeyed: chainwatch/output.py)."""

from __future__ import annotations

from rich.text import Text
from rich.tree import Tree

from graph.chains import Chain, Link
from graph.values import shown


def _label(chain: Chain, node: str, via: Link | None) -> Text:
    text = Text()
    if via is not None:
        post = f" ({via.post})" if via.post else ""
        text.append(shown(f"{via.relation}{post} "), style="dim")
        text.append(shown(f"[{via.period}, {via.confidence}, {'; '.join(via.sources)}] "), style="dim")
    text.append(shown(chain.names.get(node) or node), style="bold")
    text.append(shown(f"  {node}"), style="cyan")
    if node in chain.apex:
        text.append("  apex", style="magenta")
    return text


def _commanders(chain: Chain, node: str, branch: Tree) -> None:
    for c in chain.commanders(node):
        branch.add(Text.assemble(("commanded by ", "dim"), (shown(chain.names.get(c.source) or c.source), "green"),
                                 (shown(f" ({c.post or 'COMMANDS'}) [{c.period}, {c.confidence}, "
                                        f"{'; '.join(c.sources)}]"), "dim")))


def render(chain: Chain) -> Tree:
    when = f"as of {chain.as_of}" if chain.as_of else "at any time (each edge with its dates)"
    tree = Tree(Text.assemble(("Chain of ", "bold"), _label(chain, chain.root, None), f" — {when}"))
    _commanders(chain, chain.root, tree)

    def up(node: str, branch: Tree, seen: frozenset) -> None:
        for link in chain.parents(node):
            if link.target in seen:
                continue  # a cycle in the data: show it once
            child = branch.add(_label(chain, link.target, link))
            _commanders(chain, link.target, child)
            up(link.target, child, seen | {link.target})

    up(chain.root, tree, frozenset({chain.root}))
    if chain.down:
        below = tree.add(Text("subordinate bodies", style="italic"))

        def down(node: str, branch: Tree, seen: frozenset) -> None:
            for link in chain.children(node):
                if link.source in seen:
                    continue
                child = branch.add(_label(chain, link.source, link))
                _commanders(chain, link.source, child)
                down(link.source, child, seen | {link.source})

        down(chain.root, below, frozenset({chain.root}))
    if not tree.children and chain.root not in chain.apex:  # say so, rather than print a title alone
        when = f" on {chain.as_of}" if chain.as_of else ""
        tree.add(Text(f"nothing recorded above it{when}: no posting (MEMBER_OF, COMMANDS), "
                      "parent body (PART_OF) or commander", style="dim"))
    return tree
