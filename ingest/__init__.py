"""Readers, validation and loading of datasets into the graph."""
