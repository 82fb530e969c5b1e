"""How long the explorer's network takes to settle, against pyvis's defaults.

Draws the same synthetic network (NODES nodes in a command hierarchy with
events) twice, once with explorer.network's tuned options and once with
pyvis's default physics, loads each page in headless Chromium from a file
(nothing is served or fetched), and times vis-network from creation to the end
of stabilisation. Prints milliseconds and the ratio to the baseline, measured
in the same run. Run with `make bench`; CHAINWATCH_BENCH_NODES sets the size.
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile
from pathlib import Path

from pyvis.network import Network

from bench.ratios import show
from explorer.network import draw, strip_remote

TIMER = """
<script>
window.__settled = null;
var __t0 = performance.now();
network.once("stabilizationIterationsDone", function () { window.__settled = performance.now() - __t0; });
network.once("stabilized", function () { if (window.__settled === null) window.__settled = performance.now() - __t0; });
</script>
"""


def synthetic(n: int) -> tuple[list[dict], list[dict]]:
    rng = random.Random(7)
    labels = ["Unit"] * (n // 5) + ["Person"] * (n // 2)
    labels += ["Event"] * (n - len(labels))
    nodes = [{"id": f"n{i}", "name": f"{label} {i}", "label": label} for i, label in enumerate(labels)]
    units = [x["id"] for x in nodes if x["label"] == "Unit"]
    edges = [{"source": u, "target": units[rng.randrange(i)], "type": "PART_OF"}
             for i, u in enumerate(units) if i]
    for x in nodes:
        if x["label"] == "Person":
            edges.append({"source": x["id"], "target": rng.choice(units), "type": "MEMBER_OF"})
        elif x["label"] == "Event":
            for _ in range(2):
                edges.append({"source": rng.choice(nodes)["id"], "target": x["id"], "type": "PARTICIPATED_IN"})
    return nodes, edges


def baseline(nodes: list[dict], edges: list[dict]) -> str:
    net = Network(height="620px", width="100%", directed=True, cdn_resources="in_line")
    for x in nodes:
        net.add_node(x["id"], label=x["name"])
    for e in edges:
        net.add_edge(e["source"], e["target"], label=e["type"])
    return strip_remote(net.generate_html(notebook=False))


def settle_ms(browser, path: Path) -> float:
    page = browser.new_page(viewport={"width": 1200, "height": 700})
    page.goto(path.as_uri())
    page.wait_for_function("() => window.__settled !== null", timeout=120_000)
    ms = page.evaluate("() => window.__settled")
    page.close()
    return ms


def main() -> None:
    from playwright.sync_api import sync_playwright

    n = int(os.environ.get("CHAINWATCH_BENCH_NODES", 300))
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    nodes, edges = synthetic(n)
    pages = {"pyvis defaults (baseline)": baseline(nodes, edges), "explorer options": draw(nodes, edges)}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"])
        results = {}
        for name, html in pages.items():
            path = Path(tmp) / f"{len(results)}.html"
            path.write_text(html.replace("</body>", TIMER + "</body>"), encoding="utf-8")
            results[name] = min(settle_ms(browser, path) for _ in range(3))
        browser.close()
    show(f"network of {n} nodes and {len(edges)} edges, time to settle (best of 3; x = times faster):",
         results, "pyvis defaults (baseline)", "ms", lower_is_better=True)


if __name__ == "__main__":
    main()
