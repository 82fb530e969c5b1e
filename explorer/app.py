"""The chainwatch explorer: search, entity pages, the network, paths, chains
of command, conflicts, a read-only Cypher console and reports, in the browser.

Run it with `chainwatch explore`, which serves it on 127.0.0.1 with Streamlit's
usage statistics off.
"""

from __future__ import annotations

import streamlit as st

from explorer import data, pages

PAGES = {  # url path -> (title, page function)
    "search": ("Search", pages.search_page),
    "entity": ("Entity", pages.entity_page),
    "network": ("Network", pages.network_page),
    "paths": ("Paths", pages.paths_page),
    "chain": ("Chain of command", pages.chain_page),
    "conflicts": ("Conflicts", pages.conflicts_page),
    "console": ("Cypher console", pages.console_page),
    "reports": ("Reports", pages.reports_page),
}


def main() -> None:
    st.set_page_config(page_title="chainwatch explorer", layout="wide")
    with st.sidebar:
        st.toggle("Public mode", key="public", help="Pseudonymise protected persons everywhere in the app.")
        if pages.public():
            st.caption("Public mode: protected persons are shown only under their pseudonyms.")
    try:
        data.graph()
    except Exception as e:  # say what is wrong rather than show a traceback
        st.error(f"Cannot reach Neo4j: {e}")
        st.stop()
    nav = [st.Page(fn, title=title, url_path=path, default=(path == "search"))
           for path, (title, fn) in PAGES.items()]
    pages.PAGE_OBJECTS.update({p.url_path: p for p in nav})
    st.navigation(nav).run()


main()
