"""The explorer: a Streamlit app (explorer/app.py) with pyvis network pictures."""

from pathlib import Path

APP = Path(__file__).with_name("app.py")
