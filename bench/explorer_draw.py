"""The explorer drawing a 500-node neighbourhood in headless Chromium (issue 12), served by
`chainwatch explore` from synthetic data on a private server: the time from choosing three hops on
the network page to the picture drawn and settled. The first draw (the baseline) asks the graph;
the same draw in a new browser session is served from the explorer's cache while the graph's
version holds (explorer/cache.py). Median of three of each, in one process.
CHAINWATCH_BENCH_PEOPLE sets the data (default 3000), CHAINWATCH_BENCH_NODES the cap (500)."""

from __future__ import annotations

import os
import shutil
import statistics
import time

from bench.private import private_graph
from bench.ratios import show
from ingest.load import ingest
from ingest.synth import synth
from tests.explorer_server import serve

ROUNDS = 3
HOPS = 3
DRAWN = """(want) => {
  for (const f of document.querySelectorAll('iframe')) {
    const w = f.contentWindow;
    try {
      if (w.network && w.network.body && Object.keys(w.network.body.nodes).length >= want
          && !w.network.physics.physicsEnabled) return true;  // laid out, physics stopped
    } catch (e) {}
  }
  return false;
}"""


def centre(g, cap: int) -> str:
    """A unit whose neighbourhood within three hops fills the cap: its members, their other
    units, those units' members and superiors."""
    from explorer import data
    for row in g.driver.execute_query("MATCH (u:Unit)-[r]-() RETURN u.id AS id, count(r) AS n "
                                      "ORDER BY n DESC, id LIMIT 50", database_=g.database).records:
        if data.neighbourhood(row["id"], False, hops=HOPS, cap=cap)["shown"] >= cap:
            return row["id"]
    raise SystemExit(f"no unit has {cap} nodes within {HOPS} hops: raise CHAINWATCH_BENCH_PEOPLE")


def draw_seconds(browser, url: str, cap: int) -> float:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)
    page.get_by_text("nodes,").first.wait_for(timeout=120_000)  # the one-hop picture is up
    slider = page.get_by_role("slider").first
    slider.focus()
    t0 = time.perf_counter()
    for _ in range(HOPS - 1):
        page.keyboard.press("ArrowRight")
    page.wait_for_function(DRAWN, arg=cap, timeout=300_000, polling=100)
    seconds = time.perf_counter() - t0
    page.close()
    return seconds


def main() -> None:
    from playwright.sync_api import sync_playwright

    people = int(os.environ.get("CHAINWATCH_BENCH_PEOPLE", 3000))
    cap = int(os.environ.get("CHAINWATCH_BENCH_NODES", 500))
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with private_graph() as (g, tmp):
        synth(tmp / "ds", people, seed=1)
        ingest(g, tmp / "ds")
        os.environ["CHAINWATCH_HOME"] = str(g.conn.local_home)
        middle = centre(g, cap)
        proc, base = serve(g.conn.local_home, env={"CHAINWATCH_NETWORK_CAP": str(cap)})
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium, args=[
                    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"])
                cold, warm = [], []
                for _ in range(ROUNDS):
                    g.driver.execute_query("MATCH (u:Unit {id: $id}) SET u.bench_round = timestamp()", id=middle,
                                           database_=g.database)  # a new version: nothing kept
                    cold.append(draw_seconds(browser, f"{base}/network?id={middle}", cap))
                    warm.append(draw_seconds(browser, f"{base}/network?id={middle}", cap))
                browser.close()
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    show(f"{cap} nodes around {middle} ({people:,} people), from three hops chosen to drawn and settled, "
         f"median of {ROUNDS}", {"first draw (baseline)": statistics.median(cold) * 1000,
                                 "again, from the cache": statistics.median(warm) * 1000},
         "first draw (baseline)", "ms", lower_is_better=True)


if __name__ == "__main__":
    main()
