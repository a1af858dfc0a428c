"""Benchmark the extraction pipeline end to end on a synthetic news corpus.

    python benchmarks/bench_extract.py --docs 200000

Generates ``--docs`` documents (about 2% of them reporting a deployment) as one .jsonl.gz in
a temporary folder, then times reading, prefiltering and extracting them into a claims file
with one and with two worker processes: MB/s (of document text), docs/s and the peak
resident memory of the whole process tree. The baseline, in the same run, is the naive
approach: one regular expression per gazetteer term, searched over every document; it is
timed on a sample and extrapolated (and says so).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import tempfile
import threading
import time
from pathlib import Path

from oversight.extract.lexicon import TECHNOLOGY_CUES
from oversight.extract.pipeline import ClaimWriter, extract_stream
from oversight.extract.readers import read_inputs
from oversight.extract.resources import build_resources

WORDS = [
    "the",
    "a",
    "of",
    "to",
    "in",
    "and",
    "for",
    "on",
    "that",
    "with",
    "as",
    "by",
    "at",
    "from",
    "is",
    "was",
    "were",
    "be",
    "has",
    "have",
    "had",
    "said",
    "will",
    "would",
    "its",
    "their",
    "government",
    "minister",
    "market",
    "company",
    "year",
    "week",
    "report",
    "people",
    "city",
    "economy",
    "new",
    "after",
    "over",
    "more",
    "than",
    "about",
    "million",
    "billion",
    "percent",
    "growth",
    "bank",
    "rate",
    "prices",
    "trade",
    "election",
    "party",
    "president",
    "parliament",
    "court",
    "police",
    "officials",
    "local",
    "national",
    "international",
    "project",
    "water",
    "school",
    "hospital",
    "health",
    "education",
    "road",
    "rail",
    "power",
    "energy",
    "oil",
    "gas",
    "farmers",
    "season",
    "football",
    "match",
    "team",
    "coach",
    "players",
    "festival",
    "music",
    "film",
    "weather",
    "rain",
    "flood",
    "storm",
    "drought",
    "tourism",
    "airline",
    "flights",
    "budget",
    "tax",
    "debt",
    "loan",
    "investment",
    "exports",
    "imports",
    "shares",
    "investors",
    "analysts",
    "quarter",
    "profit",
    "sales",
    "technology",
    "phone",
    "internet",
    "digital",
    "data",
    "services",
    "customers",
    "network",
    "mobile",
    "app",
    "online",
    "security",
]
CAPITALS = [
    "Nairobi",
    "Lagos",
    "Karachi",
    "Jakarta",
    "Lima",
    "Cairo",
    "Manila",
    "Dhaka",
    "Accra",
    "Belgrade",
    "Quito",
    "Harare",
    "Kampala",
    "Lusaka",
    "Tashkent",
    "Astana",
    "Bangkok",
]
COUNTRIES = [
    "Kenya",
    "Nigeria",
    "Pakistan",
    "Indonesia",
    "Peru",
    "Egypt",
    "Philippines",
    "Bangladesh",
    "Ghana",
    "Serbia",
    "Ecuador",
    "Zimbabwe",
    "Uganda",
    "Zambia",
    "Uzbekistan",
    "Kazakhstan",
    "Thailand",
]
VENDORS = [
    "Huawei",
    "Hikvision",
    "Dahua",
    "ZTE",
    "CloudWalk Technology",
    "SenseTime",
    "Idemia",
    "NEC",
    "Cognitec",
    "Axis Communications",
]
TECHS = [
    "facial recognition cameras",
    "a safe city platform",
    "CCTV cameras",
    "a predictive policing system",
    "fingerprint scanners",
    "a big data platform",
    "social media monitoring software",
]
RELEVANT = [
    "The {country} police signed a contract with {vendor} in {year} to install {tech} in {city}.",
    "{vendor} has deployed {tech} across {city}, officials in {country} said.",
    "Authorities in {country} plan to roll out {tech} supplied by {vendor} next year.",
    "A pilot of {tech} from {vendor} began in {city} in {year}.",
]


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 24))
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), rng.choice(CAPITALS + COUNTRIES))
    return " ".join(words).capitalize() + "."


def generate(path: Path, docs: int, relevant_share: float = 0.02, seed: int = 7) -> int:
    """Write the corpus; returns its size in bytes of text."""
    rng = random.Random(seed)
    pool = [_sentence(rng) for _ in range(20_000)]
    total = 0
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as out:
        for n in range(docs):
            sentences = rng.sample(pool, rng.randint(8, 30))
            if rng.random() < relevant_share:
                i = rng.randrange(len(COUNTRIES))
                fill = {
                    "country": COUNTRIES[i],
                    "city": CAPITALS[i],
                    "vendor": rng.choice(VENDORS),
                    "tech": rng.choice(TECHS),
                    "year": rng.randint(2012, 2024),
                }
                for template in rng.sample(RELEVANT, 2):
                    sentences.insert(rng.randrange(len(sentences)), template.format(**fill))
            text = " ".join(sentences)
            total += len(text)
            out.write(json.dumps({"id": f"d{n}", "title": sentences[0][:60], "text": text}) + "\n")
    return total


def _tree_rss(root: int) -> tuple[int, int]:
    """Resident memory (RSS, and PSS where shared pages are split between processes), in bytes,
    of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    ppid = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    rss = pss = 0
    stack = [root]
    while stack:
        pid = stack.pop()
        try:
            with open(f"/proc/{pid}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        rss += int(line.split()[1]) * 1024
            with open(f"/proc/{pid}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith("Pss:"):
                        pss += int(line.split()[1]) * 1024
        except OSError:
            pass
        stack.extend(children.get(pid, []))
    return rss, pss


class PeakMemory:
    def __init__(self) -> None:
        self.peak = self.peak_pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(0.2)

    def _sample(self) -> None:
        rss, pss = _tree_rss(os.getpid())
        self.peak, self.peak_pss = max(self.peak, rss), max(self.peak_pss, pss)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()


def run_pipeline(corpus: Path, output: Path, workers: int, text_bytes: int, docs: int, resources) -> dict:
    with PeakMemory() as memory:
        started = time.perf_counter()
        claims = relevant = 0
        with ClaimWriter(output) as writer:
            for outcome in extract_stream(read_inputs([corpus], raw=workers > 1), resources, workers=workers):
                writer.write(outcome)
                claims += len(outcome.claims)
                relevant += bool(outcome.claims)
        seconds = time.perf_counter() - started
    return {
        "workers": workers,
        "seconds": round(seconds, 1),
        "mb_per_s": round(text_bytes / 1e6 / seconds, 1),
        "docs_per_s": round(docs / seconds),
        "peak_rss_mb": round(memory.peak / 1e6),
        "peak_pss_mb": round(memory.peak_pss / 1e6),
        "docs_with_claims": relevant,
        "claims": claims,
    }


def run_baseline(corpus: Path, sample: int) -> dict:
    """One regex per gazetteer/lexicon term over each document of a sample."""
    res = build_resources()
    terms = list(res.gazetteer.terms) + list(res.aliases)
    terms += [cue for cues in TECHNOLOGY_CUES.values() for cue in cues]
    patterns = [re.compile(r"\b" + re.escape(term) + r"\b", re.IGNORECASE) for term in terms]
    texts = []
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        for line in handle:
            texts.append(json.loads(line)["text"])
            if len(texts) >= sample:
                break
    started = time.perf_counter()
    hits = sum(1 for text in texts for pattern in patterns if pattern.search(text))
    seconds = time.perf_counter() - started
    size = sum(len(t) for t in texts)
    return {
        "terms": len(patterns),
        "sample_docs": len(texts),
        "seconds": round(seconds, 1),
        "mb_per_s": round(size / 1e6 / seconds, 3),
        "docs_per_s": round(len(texts) / seconds, 1),
        "hits": hits,
        "note": "timed on a sample, throughput extrapolated to the corpus",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=200_000)
    parser.add_argument("--baseline-sample", type=int, default=200)
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="oversight-bench-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl.gz"
        started = time.perf_counter()
        text_bytes = generate(corpus, args.docs)
        print(
            f"corpus: {args.docs} documents, {text_bytes / 1e6:.0f} MB of text "
            f"({corpus.stat().st_size / 1e6:.0f} MB gzipped), generated in "
            f"{time.perf_counter() - started:.0f} s"
        )
        started = time.perf_counter()
        resources = build_resources()
        resources.automaton("prefilter")
        resources.automaton("tag")
        print(f"resources built once in {time.perf_counter() - started:.1f} s (shared by forked workers)")
        results = []
        for workers in args.workers:
            result = run_pipeline(
                corpus, Path(tmp) / f"claims-{workers}.jsonl", workers, text_bytes, args.docs, resources
            )
            results.append(result)
            print(
                f"pipeline, {workers} worker(s): {result['mb_per_s']} MB/s, {result['docs_per_s']} docs/s, "
                f"{result['seconds']} s, peak memory of the process tree: PSS {result['peak_pss_mb']} MB "
                f"(RSS summed {result['peak_rss_mb']} MB, shared pages counted per process), "
                f"{result['docs_with_claims']} documents with claims, {result['claims']} claims"
            )
        base = run_baseline(corpus, args.baseline_sample)
        projected = args.docs / base["docs_per_s"]
        print(
            f"baseline (one regex per term, {base['terms']} terms; {base['note']}): "
            f"{base['mb_per_s']} MB/s, {base['docs_per_s']} docs/s on {base['sample_docs']} documents; "
            f"projected {projected / 3600:.1f} h for the corpus"
        )
        print(
            json.dumps(
                {"docs": args.docs, "text_mb": round(text_bytes / 1e6), "pipeline": results, "baseline": base}
            )
        )


if __name__ == "__main__":
    main()
