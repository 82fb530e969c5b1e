"""`chainwatch explore` run as a user runs it, for the browser tests and bench/explorer_draw.py."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import ROOT, free_port


def serve(home: Path, *flags: str, env: dict | None = None) -> tuple[subprocess.Popen, str]:
    """`chainwatch explore` on a free port for the server of `home`; returns (process, base url)
    once it answers."""
    port = free_port()
    run_env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    run_env.update(CHAINWATCH_HOME=str(home), **(env or {}))
    proc = subprocess.Popen([sys.executable, "-m", "chainwatch", "explore", "--port", str(port), *flags],
                            env=run_env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/_stcore/health", timeout=1)
            return proc, base
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("the explorer did not start: " + proc.stdout.read().decode(errors="replace"))
