"""The explorer's reads, kept by the graph's version.

Streamlit runs a page again from the top on every click, and a page asks for the same
things several times (the network page wants the centre's crowds to draw, to count, to
offer): without a cache each widget change sends every query again. A page run begins by
asking the server for the graph's version once (`Graph.version`: any transaction committed
by anyone, chainwatch or Neo4j Browser, changes it); every read the run makes is kept
under that version, and later runs reuse it while the version holds. A decision taken in
the explorer begins a new version at once, so the page that took it shows its effect.

Answers are handed out as copies, so a page that changes what it was given cannot change
what the next page is given. The cache is one per process, shared by the sessions: every
function it keeps whose answer names people takes `public` among its arguments, so a public
answer is never served for a private one, or the reverse (the others answer ids and days, or
serve the pages public mode does not offer).
"""

from __future__ import annotations

import copy
import functools
import threading
from collections import OrderedDict
from typing import Any, Callable, TypeVar

SIZE = 512  # answers kept; the oldest unused go first

F = TypeVar("F", bound=Callable[..., Any])

_lock = threading.Lock()
_kept: OrderedDict[tuple, Any] = OrderedDict()
_run = threading.local()  # Streamlit runs each page run in its script thread


def begin(version: str | None) -> None:
    """A page run starts: its reads are kept under this version (None: not kept)."""
    _run.version = version


def _frozen(value: Any) -> Any:
    """A hashable stand-in for an argument (lists of ids, dicts of options)."""
    if isinstance(value, dict):
        return tuple(sorted((k, _frozen(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_frozen(v) for v in value]
        return tuple(sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items)
    return value


def kept(fn: F | None = None, *, copies: bool = True):
    """Serve fn's answer from the cache while the graph's version holds. `copies=False` for
    answers nobody changes (a Redactor), which are then shared as they are."""
    if fn is None:
        return lambda f: kept(f, copies=copies)
    hand = copy.deepcopy if copies else (lambda answer: answer)

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        version = getattr(_run, "version", None)
        if version is None:
            return fn(*args, **kwargs)
        key = (fn.__qualname__, version, _frozen(args), _frozen(kwargs))
        with _lock:
            if key in _kept:
                _kept.move_to_end(key)
                return hand(_kept[key])
        answer = fn(*args, **kwargs)
        with _lock:
            _kept[key] = answer
            while len(_kept) > SIZE:
                _kept.popitem(last=False)
        return hand(answer)
    return wrapper
