"""Benchmark the extraction engines on one synthetic news corpus: naive baseline, single-process,
multi-process (2 workers), Spark local[1] and Spark local[2].

    python benchmarks/bench_spark.py --docs 1000000          # the full run (about 2 GB of text)
    python benchmarks/bench_spark.py --docs 20000            # a quick one

The corpus (generated, never committed) is ``--shards`` gzipped JSONL files in a temporary
folder, about 2% of the documents reporting a deployment, 90% with a publication date: news
archives come sharded, and a gzip file cannot be split, so shards are what lets Spark use
several cores. Each engine runs in its own child process, measured from the outside: MB/s of
document text, documents/s, and the peak memory of the child's whole process tree (Python
workers and, for Spark, the JVM and its Python workers) as RSS summed and as PSS (shared pages
split). Times are of the extraction (read, parse, prefilter, extract, write) after the engine is
up; Spark's session start (JVM launch) is reported apart. The naive baseline (one regular
expression per term) is far too slow for the corpus: it is timed on a sample and says so.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_extract import (  # noqa: E402 - the benchmarks folder is not a package
    CAPITALS,
    COUNTRIES,
    RELEVANT,
    TECHS,
    VENDORS,
    _sentence,
    _tree_rss,
    run_baseline,
)

ENGINES = ("baseline", "local-1", "local-2", "spark-local[1]", "spark-local[2]")


def generate_shards(folder: Path, docs: int, shards: int, relevant_share: float = 0.02,
                    seed: int = 11) -> int:
    """Write the corpus as ``shards`` .jsonl.gz files; returns its size in bytes of text."""
    rng = random.Random(seed)
    pool = [_sentence(rng) for _ in range(20_000)]
    total = 0
    with contextlib.ExitStack() as stack:
        outs = [stack.enter_context(gzip.open(folder / f"news-{i:03d}.jsonl.gz", "wt", encoding="utf-8",
                                              compresslevel=1)) for i in range(shards)]
        for n in range(docs):
            sentences = rng.sample(pool, rng.randint(8, 30))
            if rng.random() < relevant_share:
                i = rng.randrange(len(COUNTRIES))
                fill = {"country": COUNTRIES[i], "city": CAPITALS[i], "vendor": rng.choice(VENDORS),
                        "tech": rng.choice(TECHS), "year": rng.randint(2012, 2024)}
                for template in rng.sample(RELEVANT, 2):
                    sentences.insert(rng.randrange(len(sentences)), template.format(**fill))
            text = " ".join(sentences)
            total += len(text.encode("utf-8"))
            record = {"id": f"d{n}", "title": sentences[0][:60], "text": text}
            if rng.random() < 0.9:
                year, month, day = rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28)
                record["published"] = f"{year}-{month:02d}-{day:02d}"
            outs[n * shards // docs].write(json.dumps(record) + "\n")
    return total


# --- one engine, in a child process ---------------------------------------------------------------


def run_engine(engine: str, corpus: Path, out: Path, baseline_sample: int) -> dict:
    if engine == "baseline":
        return run_baseline(sorted(corpus.glob("*.jsonl.gz"))[0], baseline_sample)
    from oversight.extract.resources import build_resources

    resources = build_resources()
    resources.automaton("prefilter")
    resources.automaton("tag")
    if engine.startswith("local-"):
        from oversight.extract.pipeline import ClaimWriter, extract_stream
        from oversight.extract.readers import read_inputs

        workers = int(engine.split("-")[1])
        started = time.perf_counter()
        claims = 0
        with ClaimWriter(out / "claims.jsonl") as writer:
            for outcome in extract_stream(read_inputs([corpus], raw=workers > 1), resources, workers=workers):
                writer.write(outcome)
                claims += len(outcome.claims)
        return {"seconds": time.perf_counter() - started, "claims": claims}
    from oversight.extract.spark import run_spark, spark_session

    master = engine.removeprefix("spark-")
    started = time.perf_counter()
    spark = spark_session(master, {"spark.ui.enabled": "false", "spark.sql.shuffle.partitions": "2",
                                  "spark.ui.showConsoleProgress": "false"})
    spark.sparkContext.setLogLevel("ERROR")
    startup = time.perf_counter() - started
    started = time.perf_counter()
    summary = run_spark(spark, [corpus], out / "spark", resources=resources)
    seconds = time.perf_counter() - started
    spark.stop()
    return {"seconds": seconds, "claims": summary["claims"], "startup_seconds": round(startup, 1),
            "documents": summary["documents"]}


# --- the parent: generate, run each engine, measure, tabulate ----------------------------------------


def _tree_cpu(root: int) -> dict[int, float]:
    """CPU seconds (user + system) used so far by each process of a tree, from /proc. Sampled:
    on a shared machine this, not wall time, is the cost of a run (the JVM, Python workers and
    all), and what a cluster estimate scales from."""
    tick = os.sysconf("SC_CLK_TCK")
    stats: dict[int, tuple[int, float]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            stats[int(entry)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / tick)
    tree, stack = {}, [root]
    while stack:
        pid = stack.pop()
        if pid in stats:
            tree[pid] = stats[pid][1]
        stack.extend(p for p, (parent, _) in stats.items() if parent == pid)
    return tree


def measure(engine: str, corpus: Path, out: Path, baseline_sample: int) -> dict:
    """Run one engine in a child process, sampling the memory of its process tree."""
    out.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, __file__, "--run", engine, "--corpus", str(corpus), "--out", str(out),
               "--baseline-sample", str(baseline_sample)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    peak = {"rss": 0, "pss": 0}
    cpu: dict[int, float] = {}

    def sample() -> None:
        while child.poll() is None:
            rss, pss = _tree_rss(child.pid)
            peak["rss"], peak["pss"] = max(peak["rss"], rss), max(peak["pss"], pss)
            cpu.update(_tree_cpu(child.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, _ = child.communicate()
    sampler.join()
    if child.returncode != 0:
        raise RuntimeError(f"{engine} failed with exit code {child.returncode}")
    result = json.loads(stdout.strip().splitlines()[-1])
    result.update(engine=engine, peak_rss_mb=round(peak["rss"] / 1e6), peak_pss_mb=round(peak["pss"] / 1e6),
                  cpu_seconds=round(sum(cpu.values()), 1))
    return result


def table(results: list[dict], docs: int, text_bytes: int) -> str:
    names = {"baseline": "naive baseline (one regex per term; sample, extrapolated)",
             "local-1": "single-process engine", "local-2": "multi-process engine, 2 workers",
             "spark-local[1]": "Spark local[1]", "spark-local[2]": "Spark local[2]"}
    multi = next((r for r in results if r["engine"] == "local-2"), None)
    lines = ["| engine | MB/s | documents/s | seconds | vs. multi-process | CPU s (tree) "
             "| MB/s per CPU-second | peak RSS (tree) | peak PSS (tree) | claims |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        if r["engine"] == "baseline":
            mb_s, docs_s = r["mb_per_s"], r["docs_per_s"]
            seconds = f"{r['seconds']} on {r['sample_docs']} docs (≈{docs / docs_s / 3600:.0f} h projected)"
            claims = "—"
        else:
            mb_s, docs_s = round(text_bytes / 1e6 / r["seconds"], 1), round(docs / r["seconds"])
            seconds = f"{r['seconds']:.1f}" + (f" (+{r['startup_seconds']} s start)" if "startup_seconds" in r
                                               else "")
            claims = f"{r['claims']:,}"
        ratio = f"{multi['seconds'] / r['seconds']:.2f}×" if multi and r["engine"] != "baseline" else "—"
        per_cpu = "—" if r["engine"] == "baseline" else f"{text_bytes / 1e6 / r['cpu_seconds']:.1f}"
        lines.append(f"| {names[r['engine']]} | {mb_s} | {docs_s:,} | {seconds} | {ratio} | "
                     f"{r['cpu_seconds']} | {per_cpu} | {r['peak_rss_mb']:,} MB | {r['peak_pss_mb']:,} MB | "
                     f"{claims} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=1_000_000)
    parser.add_argument("--shards", type=int, default=16)
    parser.add_argument("--baseline-sample", type=int, default=50)
    parser.add_argument("--engines", nargs="*", default=list(ENGINES), choices=ENGINES)
    parser.add_argument("--run", choices=ENGINES, help=argparse.SUPPRESS)  # a child process
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        result = run_engine(args.run, args.corpus, args.out, args.baseline_sample)
        print(json.dumps(result))
        return
    with tempfile.TemporaryDirectory(prefix="oversight-bench-spark-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        started = time.perf_counter()
        text_bytes = generate_shards(corpus, args.docs, args.shards)
        gz = sum(p.stat().st_size for p in corpus.iterdir())
        print(f"corpus: {args.docs:,} documents in {args.shards} shards, {text_bytes / 1e6:,.0f} MB of text "
              f"({gz / 1e6:,.0f} MB gzipped), generated in {time.perf_counter() - started:.0f} s", flush=True)
        results = []
        for engine in args.engines:
            result = measure(engine, corpus, Path(tmp) / engine, args.baseline_sample)
            results.append(result)
            print(f"{engine}: {json.dumps(result)}", flush=True)
        counts = {r["claims"] for r in results if r["engine"] != "baseline"}
        print(f"\nclaims agree across engines: {len(counts) <= 1} ({', '.join(map(str, sorted(counts)))})\n")
        print(table(results, args.docs, text_bytes))
        print(json.dumps({"docs": args.docs, "shards": args.shards, "text_mb": round(text_bytes / 1e6),
                          "results": results}))


if __name__ == "__main__":
    main()
