"""The explorer (Streamlit + pyvis) arrives with its own issue; this package holds its place in the layout."""
