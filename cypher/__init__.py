"""The query library: every Cypher statement chainwatch runs, as .cypher files.

This file only makes the folder installable as package data; see README.md
(generated from the files' headers) and graph/querylib.py.
"""
