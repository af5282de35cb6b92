"""HTTP throughput and load against a real gunicorn server on loopback, driven by wrk.

The server is started here the way ``make run`` starts it (gunicorn, ``api:create_app()``,
``WEB_CONCURRENCY`` workers) on a free 127.0.0.1 port, and stopped afterwards. Every run is
bounded in time; nothing is sent anywhere but loopback.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_REQUEST = ROOT / "seeds" / "request.json"


def ensure_wrk() -> str | None:
    """The wrk binary, installed from Debian's packages when missing and running as root."""
    found = shutil.which("wrk")
    if found is None and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True, timeout=300)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], env=env, capture_output=True, timeout=300)
        found = shutil.which("wrk")
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """gunicorn serving the app on a free loopback port, as ``make run`` does."""

    def __init__(self, *, workers: int) -> None:
        self.port = free_port()
        self.workers = workers
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        cmd = [
            sys.executable, "-m", "gunicorn", "--config", "python:api.gunicorn_conf",
            "--workers", str(self.workers), "--bind", f"127.0.0.1:{self.port}",
            "--log-level", "warning", "api:create_app()",
        ]  # fmt: skip
        # An open instance: API keys in the caller's environment would turn every compare into a 401.
        env = {k: v for k, v in os.environ.items() if k != "CROSSCHECK_API_KEYS"}
        self.proc = subprocess.Popen(
            cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/v1/health", timeout=1) as r:
                    if r.status == 200 and len(self.worker_pids()) >= self.workers:
                        return self
            except OSError:
                time.sleep(0.2)
        self.__exit__(None, None, None)
        raise RuntimeError("the server did not answer /v1/health within 30 s")

    def __exit__(self, *exc) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    def worker_pids(self) -> list[int]:
        if self.proc is None:
            return []
        path = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children")
        try:
            return [int(p) for p in path.read_text().split()]
        except OSError:
            return []

    def worker_rss_kib(self) -> dict[int, int]:
        out = {}
        for pid in self.worker_pids():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            m = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
            if m:
                out[pid] = int(m.group(1))
        return out


_LUA_POST = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = assert(io.open(os.getenv("CROSSCHECK_BENCH_BODY"), "rb"))
wrk.body = f:read("*a")
f:close()
"""


def _ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


def run_wrk(
    wrk: str, url: str, *, seconds: int, connections: int, threads: int = 2, body: Path | None = None
) -> dict[str, float]:
    """One wrk run; requests/s, p50/p99 latency in ms, and errors (socket errors + non-2xx)."""
    cmd = [wrk, "--latency", f"-d{seconds}s", f"-c{connections}", f"-t{threads}", "--timeout", "10s"]
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as tmp:
        if body is not None:
            script = Path(tmp) / "post.lua"
            script.write_text(_LUA_POST)
            cmd += ["-s", str(script)]
            env["CROSSCHECK_BENCH_BODY"] = str(body)
        out = subprocess.run(
            cmd + [url], capture_output=True, text=True, env=env, timeout=seconds + 60
        ).stdout
    result: dict[str, float] = {"requests_per_second": 0.0, "errors": 0.0, "requests": 0.0}
    if m := re.search(r"Requests/sec:\s+([\d.]+)", out):
        result["requests_per_second"] = float(m.group(1))
    if m := re.search(r"(\d+) requests in", out):
        result["requests"] = float(m.group(1))
    for pct in ("50", "99"):
        if m := re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s|m)\b", out, re.M):
            result[f"p{pct}_ms"] = round(_ms(m.group(1), m.group(2)), 2)
    if m := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out):
        result["errors"] += int(m.group(1))
    if m := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out):
        result["errors"] += sum(int(g) for g in m.groups())
    return result


def throughput(*, seconds: int, connections: int, workers: int) -> dict[str, object]:
    """Requests/s on /v1/health and on the seed pair, measured in one run against one server."""
    wrk = ensure_wrk()
    if wrk is None:
        return {"skipped": "wrk is not installed (apt-get install wrk)"}
    with Server(workers=workers) as server:
        health = run_wrk(wrk, server.url + "/v1/health", seconds=seconds, connections=connections)
        seed = run_wrk(
            wrk, server.url + "/v1/compare", seconds=seconds, connections=connections, body=SEED_REQUEST
        )
    ratio = (
        seed["requests_per_second"] / health["requests_per_second"] if health["requests_per_second"] else 0
    )
    return {"workers": workers, "connections": connections, "seconds": seconds,
            "health": health, "seed_pair": seed, "seed_to_health_ratio": round(ratio, 3)}  # fmt: skip


def load(*, seconds: int, connections: int, workers: int) -> dict[str, object]:
    """A sustained load on the seed pair, with each worker's memory before and after."""
    wrk = ensure_wrk()
    if wrk is None:
        return {"skipped": "wrk is not installed (apt-get install wrk)"}
    with Server(workers=workers) as server:
        # A few concurrent requests first, so that every worker has served the seed pair and
        # start-up memory includes what a first request loads.
        body = SEED_REQUEST.read_bytes()

        def post(_: int) -> bytes:
            req = urllib.request.Request(
                server.url + "/v1/compare", data=body, headers={"Content-Type": "application/json"}
            )
            with urllib.request.urlopen(req, timeout=10) as r:
                return r.read()

        with ThreadPoolExecutor(max_workers=workers * 4) as pool:
            list(pool.map(post, range(workers * 16)))
        rss_start = server.worker_rss_kib()
        result = run_wrk(
            wrk, server.url + "/v1/compare", seconds=seconds, connections=connections, body=SEED_REQUEST
        )
        rss_end = server.worker_rss_kib()
    growth = {
        str(pid): round((rss_end[pid] - rss_start[pid]) / rss_start[pid] * 100, 1)
        for pid in rss_start
        if pid in rss_end
    }
    return {"workers": workers, "connections": connections, "seconds": seconds, **result,
            "rss_kib_start": {str(k): v for k, v in rss_start.items()},
            "rss_kib_end": {str(k): v for k, v in rss_end.items()},
            "rss_growth_percent": growth}  # fmt: skip


if __name__ == "__main__":
    print(json.dumps(throughput(seconds=5, connections=8, workers=2), indent=2))
