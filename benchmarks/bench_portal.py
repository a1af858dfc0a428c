"""Portal load benchmark: open-loop load on loopback against `oversight serve` (--workers processes).

    python benchmarks/bench_portal.py [--deployments 10000] [--rate 200[,50,...]] [--duration 30]
                                      [--phases baseline,country_page,deployments_api]
                                      [--countries KEN,PAK,BRA,SRB,UZB] [--uncached] [--workers N]
                                      [--gzip] [--server-cpus 0] [--client-cpus 1] [--db URL] [--json]

Builds a SQLite registry of synthetic deployments (benchmarks/synthetic.py), starts
`oversight serve` on a free loopback port, then for each rate runs one phase per route:

- baseline: GET /api/v1/vocabulary, the cheapest route (a constant document, no database);
- country page: GET /countries/{ISO3}, cycling over several countries;
- deployments API: GET /api/v1/deployments?country={ISO3}, the same countries.

The portal keeps anonymous answers in a response cache until the registry changes, so repeated
URLs measure the cache; --uncached runs the server with that cache off (OVERSIGHT_CACHE_MB=0) and
measures answers built afresh (what a reader applying new filters, or the first reader after a
change, gets). Unknown query parameters are refused, so a unique one cannot stand in for it.

Each run gets a fresh server process, so that one run's backlog cannot slow the next.
Before the load, `--probe` requests are sent one at a time: their median ("alone ms") is the
server's cost per request, and 1000 / alone ms roughly the most one process can serve per second.

The load is open-loop, wrk2-style: request i is due at start + i / rate whatever happened to
earlier ones, and its latency runs from that due time to the end of its response body. A slow
response therefore delays nothing else and is charged for the queueing it causes, so the
percentiles are free of coordinated omission. Each run starts with a short warm-up that is
not counted. Errors are non-2xx answers, timeouts (--timeout, 10 s) and connection failures.
The generator is one process separate from the server, on uvloop when installed, writing
prebuilt request bytes; if it falls behind its own schedule (a busy machine) the report says by
how much, and that lag is inside the latencies. Requests accept no compression unless --gzip
(browsers do; the country page is then 11 KB instead of 154 KB).

Targets (issue 14): cached answers p99 < 50 ms at 500/s, uncached (--uncached) p99 < 100 ms at
50/s, no errors. On a 2-core machine the generator competes with the server for the same cores:
with --workers 2 a busy neighbour or the generator itself shows up as queueing. For a measurement
the generator cannot disturb, pin them apart: `--workers 1 --server-cpus 0 --client-cpus 1`
(one server process on CPU 0, the generator on CPU 1): a lower bound on what the 2 workers serve.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write_corpus  # noqa: E402

from oversight.app import Registry  # noqa: E402

T = TypeVar("T")
TARGET_P99_MS = {"cached": 50.0, "uncached": 100.0}  # issue 14: at 500/s cached, 50/s uncached
DEFAULT_COUNTRIES = "KEN,PAK,BRA,SRB,UZB"
CLI = "from oversight.cli import app; app()"
KEEP_ALIVE_SECONDS = 4.0  # reuse an idle connection only this long: uvicorn closes them after 5 s


@dataclass
class Phase:
    name: str
    paths: list[str]
    latencies_ms: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    sent: int = 0
    seconds: float = 0.0
    max_lag_ms: float = 0.0  # how late the scheduler itself sent a request (client saturation)
    connections: int = 0
    alone_ms: float = float("nan")
    uncached: bool = False  # the server runs with its response cache off (OVERSIGHT_CACHE_MB=0)
    gzip: bool = False  # requests accept gzip, as browsers do

    def path(self, i: int) -> str:
        return self.paths[i % len(self.paths)]

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies_ms)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))]

    def summary(self, rate: float) -> dict[str, object]:
        errors = sum(self.errors.values())
        ok = len(self.latencies_ms) - errors
        return {
            "phase": self.name + (" (uncached)" if self.uncached else "") + (" (gzip)" if self.gzip else ""),
            "example": self.paths[0],
            "rate": rate, "sent": self.sent,
            "ok": ok, "errors": errors, "error_kinds": self.errors,
            "throughput": round(ok / self.seconds, 1) if self.seconds else 0.0,
            "p50_ms": round(self.percentile(50), 1), "p90_ms": round(self.percentile(90), 1),
            "p99_ms": round(self.percentile(99), 1), "max_ms": round(max(self.latencies_ms, default=0), 1),
            "max_send_lag_ms": round(self.max_lag_ms, 1), "connections": self.connections,
            "alone_ms": round(self.alone_ms, 1),
        }


class Connections:
    """Keep-alive HTTP/1.1 connections to one server, opened on demand and never capped, so an
    open-loop request never waits for a free connection (a pool limit would hide queueing).

    A few lines of asyncio rather than an HTTP library: with thousands of queued requests a
    general client's pool bookkeeping costs more than the requests, and the generator would
    measure itself."""

    def __init__(self, host: str, port: int, gzip: bool = False):
        self.host, self.port = host, port
        # Each path's request bytes, built once: the generator shares the CPUs it measures.
        self.extra = "Accept-Encoding: gzip, deflate\r\n" if gzip else ""
        self.requests: dict[str, bytes] = {}
        self.idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter, float]] = []
        self.opened = 0

    async def get(self, path: str) -> int:
        """GET `path`, read the whole body, and return the status code."""
        reader, writer, reused = await self._acquire()
        try:
            status, keep = await self._exchange(reader, writer, path)
        except (ConnectionResetError, asyncio.IncompleteReadError) as error:
            writer.close()
            # A kept-alive connection the server closed just before we wrote to it; a browser
            # retries a GET on a fresh connection then, and so do we (once).
            if not reused or (isinstance(error, asyncio.IncompleteReadError) and error.partial):
                raise
            reader, writer = await self._open()
            try:
                status, keep = await self._exchange(reader, writer, path)
            except BaseException:
                writer.close()
                raise
        except BaseException:
            writer.close()
            raise
        if keep:
            self.idle.append((reader, writer, time.monotonic()))
        else:
            writer.close()
        return status

    async def _exchange(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                        path: str) -> tuple[int, bool]:
        request = self.requests.get(path)
        if request is None:
            request = self.requests[path] = (f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
                                             f"{self.extra}\r\n").encode()
        writer.write(request)
        return await _read_response(reader)

    async def _acquire(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter, bool]:
        """The most recently used idle connection, skipping any idle for longer than the server
        keeps one open (uvicorn: 5 s); else a new one."""
        while self.idle:
            reader, writer, since = self.idle.pop()
            if time.monotonic() - since < KEEP_ALIVE_SECONDS and not reader.at_eof():
                return reader, writer, True
            writer.close()
        reader, writer = await self._open()
        return reader, writer, False

    async def _open(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        self.opened += 1
        return await asyncio.open_connection(self.host, self.port, limit=1 << 20)

    def close(self) -> None:
        for _, writer, _ in self.idle:
            writer.close()


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    fields = (line.partition(":") for line in lines[1:] if line)
    headers = {name.strip().lower(): value.strip() for name, _, value in fields}
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    else:
        await reader.read()  # the body runs to the end of the connection
        return status, False
    return status, headers.get("connection", "").lower() != "close"


async def _one(connections: Connections, path: str, due: float, phase: Phase | None,
               timeout: float) -> None:
    """One request; its latency counts from `due`, its intended send time."""
    try:
        status = await asyncio.wait_for(connections.get(path), timeout)
        failed = None if 200 <= status < 300 else f"HTTP {status}"
    except TimeoutError:
        failed = "timeout"
    except (OSError, asyncio.IncompleteReadError, ValueError) as error:
        failed = type(error).__name__
    if phase is None:
        return
    phase.latencies_ms.append((time.perf_counter() - due) * 1000)
    if failed:
        phase.error(failed)


async def service_time(base_url: str, phase: Phase, requests: int) -> None:
    """Median time of one request with nothing else in flight: the server's cost per request,
    so 1000 / alone_ms is roughly the most one process can serve per second."""
    host, port = base_url.removeprefix("http://").split(":")
    connections = Connections(host, int(port), phase.gzip)
    for i in range(len(phase.paths)):  # the first request of a route pays for compilation
        await connections.get(phase.path(i))
    samples = []
    for i in range(requests):
        started = time.perf_counter()
        await connections.get(phase.path(i))
        samples.append((time.perf_counter() - started) * 1000)
    connections.close()
    phase.alone_ms = statistics.median(samples) if samples else float("nan")


async def burst(base_url: str, phase: Phase, requests: int, timeout: float) -> dict[str, object]:
    """`requests` GETs sent at the same instant: do they all answer, and how fast? A server whose
    worker threads can all end up waiting for a database connection stalls here."""
    host, port = base_url.removeprefix("http://").split(":")
    connections = Connections(host, int(port), phase.gzip)

    async def one(i: int) -> str:
        try:
            return str(await asyncio.wait_for(connections.get(phase.path(i)), timeout))
        except TimeoutError:
            return "timeout"
        except (OSError, asyncio.IncompleteReadError, ValueError) as error:
            return type(error).__name__

    started = time.perf_counter()
    answers = await asyncio.gather(*(one(i) for i in range(requests)))
    connections.close()
    counts: dict[str, int] = {}
    for answer in answers:
        counts[answer] = counts.get(answer, 0) + 1
    return {"phase": phase.name, "requests": requests, "answers": counts,
            "seconds": round(time.perf_counter() - started, 1)}


async def run_phase(base_url: str, phase: Phase, rate: float, seconds: float, warmup: float,
                    timeout: float = 10.0) -> None:
    """Send requests at `rate` per second for `warmup` (uncounted) then `seconds` (counted)."""
    host, port = base_url.removeprefix("http://").split(":")
    connections = Connections(host, int(port), phase.gzip)
    tasks: set[asyncio.Task[None]] = set()
    start = time.perf_counter()
    total = int((warmup + seconds) * rate)
    warm = int(warmup * rate)
    for i in range(total):
        due = start + i / rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        counted = phase if i >= warm else None
        if counted is not None:
            phase.sent += 1
            phase.max_lag_ms = max(phase.max_lag_ms, (time.perf_counter() - due) * 1000)
        task = asyncio.create_task(_one(connections, phase.path(i), due, counted, timeout))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
    if tasks:
        await asyncio.wait(tasks)
    phase.seconds = time.perf_counter() - (start + warmup)
    phase.connections = connections.opened
    connections.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db_url: str, log: Path, *, workers: int = 1, uncached: bool = False,
                 cpus: set[int] | None = None) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    script = Path(sys.executable).with_name("oversight")
    command = [str(script)] if script.exists() else [sys.executable, "-c", CLI]
    command += ["--db", db_url, "serve", "--host", "127.0.0.1", "--port", str(port),
                "--workers", str(workers)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    if uncached:  # every answer built afresh (the derived figures are still kept per version)
        env["OVERSIGHT_CACHE_MB"] = "0"
    with log.open("wb") as out:
        # A session of its own, so that stopping it stops every worker process too.
        # Its worker processes inherit the CPUs it is pinned to.
        server = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env,
                                  start_new_session=True,
                                  preexec_fn=(lambda: os.sched_setaffinity(0, cpus)) if cpus else None)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120  # several workers start slowly on a busy machine
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"oversight serve exited:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url + "/api/v1/vocabulary", timeout=2):
                if log.read_text().count("Application startup complete") >= workers:
                    return server, url
        except OSError:
            pass
        time.sleep(0.2)
    stop(server)
    raise SystemExit(f"oversight serve did not start:\n{log.read_text()}")


def stop(server: subprocess.Popen[bytes]) -> None:
    """Kill the server and its workers at once (a graceful stop would first finish the backlog)."""
    with contextlib.suppress(ProcessLookupError):  # already gone
        os.killpg(server.pid, signal.SIGKILL)
    server.wait(timeout=10)


def build(db_url: str, folder: Path, deployments: int) -> float:
    registry = Registry(db_url)
    started = time.perf_counter()
    registry.load(write_corpus(folder, deployments))
    registry.engine.dispose()
    return time.perf_counter() - started


def markdown(rows: list[dict[str, object]]) -> str:
    lines = ["| route | example | alone ms | offered/s | sent | ok | errors | throughput/s "
             "| p50 ms | p90 ms | p99 ms | max ms |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        lines.append(f"| {r['phase']} | `{r['example']}` | {r['alone_ms']} | {r['rate']:g} | {r['sent']} "
                     f"| {r['ok']} | {r['errors']} | {r['throughput']} | {r['p50_ms']} | {r['p90_ms']} "
                     f"| {r['p99_ms']} | {r['max_ms']} |")
    return "\n".join(lines)


def verdicts(rows: list[dict[str, object]]) -> list[str]:
    lines = []
    for r in rows:
        errors = f"; errors: {r['error_kinds']}" if r["errors"] else ""
        target = TARGET_P99_MS["uncached" if "(uncached)" in str(r["phase"]) else "cached"]
        met = r["errors"] == 0 and float(r["p99_ms"]) < target  # type: ignore[arg-type]
        lines.append(f"{r['phase']} at {r['rate']:g}/s: {'meets' if met else 'MISSES'} the target "
                     f"(p99 < {target:g} ms, no errors){errors}")
    lag = max((float(r["max_send_lag_ms"]) for r in rows), default=0.0)  # type: ignore[arg-type]
    if lag > 50:
        lines.append(f"note: the load generator itself fell behind schedule by up to {lag:.0f} ms "
                     "(CPU contention); those delays are counted in the latencies")
    return lines


def measure(db_url: str, folder: Path, name: str, paths: list[str], rate: float,
            args: argparse.Namespace) -> dict[str, object]:
    # A fresh server per run: an overloaded route leaves a backlog of requests that the server
    # keeps working through after the client gave up, which would slow the next run.
    server, url = start_server(db_url, folder / f"serve-{name}-{rate:g}.log", workers=args.workers,
                               uncached=args.uncached, cpus=args.server_cpus)
    try:
        phase = Phase(name, paths, uncached=args.uncached, gzip=args.gzip)
        if args.burst:
            print(f"burst: {run(burst(url, phase, args.burst, 60.0))}", file=sys.stderr)
        run(service_time(url, phase, args.probe))
        run(run_phase(url, phase, rate, args.duration, args.warmup, args.timeout))
        return phase.summary(rate)
    finally:
        stop(server)


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run the generator on uvloop when it is installed (oversight serve's uvicorn uses it too):
    per request it costs a fraction of asyncio's loop, leaving more of a shared CPU to the server."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coroutine)
    return uvloop.run(coroutine)


def cpu_set(text: str) -> set[int]:
    """"0" or "0,1" or "2-3" (as taskset -c takes them) -> a set of CPU numbers."""
    cpus: set[int] = set()
    for part in text.split(","):
        first, _, last = part.partition("-")
        cpus.update(range(int(first), int(last or first) + 1))
    return cpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--deployments", type=int, default=10_000)
    parser.add_argument("--rate", default="200",
                        help="Requests per second offered; several, comma-separated, run one after another.")
    parser.add_argument("--duration", type=float, default=30.0, help="Counted seconds per run.")
    parser.add_argument("--warmup", type=float, default=3.0, help="Uncounted seconds before each run.")
    parser.add_argument("--timeout", type=float, default=10.0,
                        help="Seconds a request may take before it counts as an error.")
    parser.add_argument("--countries", default=DEFAULT_COUNTRIES, help="ISO3 codes, comma-separated.")
    parser.add_argument("--probe", type=int, default=30,
                        help="Requests sent one at a time before each run, for the service time.")
    parser.add_argument("--phases", default="baseline,country_page,deployments_api")
    parser.add_argument("--burst", type=int, default=0,
                        help="Before each run, send this many requests at once and report their answers.")
    parser.add_argument("--uncached", action="store_true",
                        help="Run the server with its response cache off (OVERSIGHT_CACHE_MB=0): "
                             "measures answers built afresh.")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="Server processes (oversight serve --workers).")
    parser.add_argument("--db", help="Use this (already loaded) registry instead of building one.")
    parser.add_argument("--gzip", action="store_true",
                        help="Send Accept-Encoding: gzip, as browsers do (smaller answers to read).")
    parser.add_argument("--server-cpus", type=cpu_set,
                        help="Pin the server and its workers to these CPUs (e.g. 0 or 0-1).")
    parser.add_argument("--client-cpus", type=cpu_set,
                        help="Pin the load generator to these CPUs (e.g. 1), apart from the server.")
    parser.add_argument("--json", action="store_true", help="Print JSON instead of a markdown table.")
    args = parser.parse_args()
    if args.client_cpus:
        os.sched_setaffinity(0, args.client_cpus)
    countries = [c.strip().upper() for c in args.countries.split(",") if c.strip()]
    routes = {
        "baseline": ["/api/v1/vocabulary"],
        "country_page": [f"/countries/{c}" for c in countries],
        "deployments_api": [f"/api/v1/deployments?country={c}" for c in countries],
    }
    wanted = [p.strip() for p in args.phases.split(",") if p.strip()]
    for name in wanted:
        if name not in routes:
            parser.error(f"--phases: unknown phase {name!r}; choose from {', '.join(routes)}")
    try:
        rates = [float(r) for r in args.rate.split(",") if r.strip()]
    except ValueError:
        parser.error(f"--rate: {args.rate!r} is not a number or a comma-separated list of numbers")
    with tempfile.TemporaryDirectory(prefix="oversight-bench-portal-") as tmp:
        folder = Path(tmp)
        db_url = args.db or f"sqlite:///{folder / 'bench.db'}"
        load_seconds = None if args.db else build(db_url, folder / "corpus", args.deployments)
        rows = []
        for rate in rates:
            for name in wanted:
                rows.append(measure(db_url, folder, name, routes[name], rate, args))
                print(f"{name} at {rate:g}/s: done", file=sys.stderr)
    if args.json:
        print(json.dumps({"deployments": None if args.db else args.deployments, "load_seconds": load_seconds,
                          "duration": args.duration, "load_average": os.getloadavg(), "runs": rows},
                         indent=2))
        return
    registry = (f"registry: {args.deployments} synthetic deployments, loaded in {load_seconds:.1f} s"
                if load_seconds is not None else f"registry: {args.db}")
    print(f"{registry}; {args.workers} uvicorn worker process(es) on loopback"
          + (f" pinned to CPUs {sorted(args.server_cpus)}" if args.server_cpus else "")
          + (f", generator on CPUs {sorted(args.client_cpus)}" if args.client_cpus else "")
          + (", requests accept gzip" if args.gzip else "")
          + f"; open-loop load, {args.duration:g} s per run; load average {os.getloadavg()[0]:.2f}\n")
    print(markdown(rows))
    print("\n" + "\n".join(verdicts(rows)))


if __name__ == "__main__":
    main()
