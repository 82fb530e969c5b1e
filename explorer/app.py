"""The chainwatch explorer: search, entity pages, the network, paths, chains
of command, conflicts, a read-only Cypher console and reports, in the browser.

Run it with `chainwatch explore`, which serves it on 127.0.0.1 with Streamlit's
usage statistics off.
"""

from __future__ import annotations

import streamlit as st

from explorer import data, pages
from graph.markdown import escape as md


def main() -> None:
    st.set_page_config(page_title="chainwatch explorer", layout="wide")
    with st.sidebar:
        if pages.locked():
            st.caption("Public explorer: protected persons are shown only under their pseudonyms, "
                       "and this cannot be switched off here.")
        else:
            st.toggle("Public mode", key="public", help="Pseudonymise protected persons everywhere in the app.")
            if pages.public():
                st.caption("Public mode: protected persons are shown only under their pseudonyms.")
    try:
        data.graph()
    except Exception as e:  # say what is wrong rather than show a traceback
        st.error("Cannot reach Neo4j: " + md(e))
        st.stop()
    nav = [st.Page(fn, title=title, url_path=path, default=(path == "search"))
           for path, (title, fn) in pages.navigation().items()]
    pages.PAGE_OBJECTS.update({p.url_path: p for p in nav})
    with data.page_run():
        st.navigation(nav).run()


main()
