"""Screening benchmark: names screened per second, per-name latency, and a naive baseline.

    python benchmarks/bench_screening.py [--orgs 2000] [--queries 20000] [--runs 5] [--json]

The index holds the ~25 test entities (tests/screening/conftest.py) padded with synthetic
organisations shaped like real ones: coined names, generic words, legal forms, Chinese city
prefixes, some Chinese-script aliases. The queries mix the labelled cases
(tests/screening/name_cases.csv), variants of synthetic names (legal-form changes, case,
city prefixes, typing slips) and negatives (unknown names, look-alikes that add a word).

Reported: index build time; names/s for the whole query list (median of --runs runs);
p50 / p99 latency of one name; and, in the same run, a baseline: rapidfuzz WRatio of the
raw query against every indexed name (no normalisation, no blocking, cut-off 85), timed on
a sample because it is slow. Both are also scored for precision and recall on that sample,
since speed bought with wrong answers is no gain.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import importlib.util
import json
import random
import statistics
import time
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process, utils

from oversight.screening import MATCHER_VERSION, build_index, normalise, screen

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "screening" / "conftest.py"
CASES = ROOT / "tests" / "screening" / "name_cases.csv"

HEADS = ["Nor", "Vel", "Tra", "Kin", "Zen", "Arc", "Lum", "Qua", "Sol", "Mer", "Tor", "Cal",
         "Vex", "Ori", "Bel", "Dra", "Fen", "Gal", "Jor", "Kal", "Lyr", "Mon", "Nex", "Pol",
         "Ryn", "Sar", "Tal", "Ulv", "Vor", "Wex", "Xan", "Yor", "Zor", "Ast", "Bry", "Cor"]
TAILS = ["tek", "ora", "ian", "ex", "ix", "ova", "ant", "is", "on", "ar", "ent", "ium", "ara",
         "eon", "yx", "elle", "ico", "ano", "ustra", "anta", "ovo", "igen", "ulon", "ax"]
GENERIC = ["Technology", "Technologies", "Digital", "Security", "Vision", "Electronics",
           "Systems", "Intelligent", "Information", "Network", "Smart", "Communications"]
LEGAL = ["Co., Ltd.", "Co Ltd", "Limited", "Inc.", "LLC", "GmbH", "S.A.", "Pte. Ltd.", "Corp."]
CITIES = ["Shenzhen", "Hangzhou", "Beijing", "Shanghai", "Guangzhou", "Zhejiang", "Wuhan"]
HAN = "安宝博辰达鼎飞丰航弘华汇佳捷金锦凯朗力联龙美明诺鹏启瑞锐晟泰腾拓威信星讯亚耀宇正智卓"
EXTRA_WORDS = ["Foods", "Travel", "Logistics", "Trading", "Pharma", "Realty", "Textiles",
               "Motors", "Farms", "Apparel"]


def fixture_entities() -> list[dict[str, Any]]:
    spec = importlib.util.spec_from_file_location("screening_fixture", FIXTURE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.ENTITIES


def coined(rng: random.Random) -> str:
    name = rng.choice(HEADS) + rng.choice(TAILS)
    if rng.random() < 0.3:
        name += rng.choice(TAILS)
    return name


def synthetic_entities(count: int, rng: random.Random, taken: set[str]) -> list[dict[str, Any]]:
    entities = []
    while len(entities) < count:
        brand = coined(rng)
        if rng.random() < 0.25:
            brand += " " + coined(rng)
        if brand.casefold() in taken:
            continue
        taken.add(brand.casefold())
        generic = " ".join(rng.sample(GENERIC, rng.randint(0, 2)))
        legal = f"{rng.choice(CITIES) + ' ' if rng.random() < 0.4 else ''}{brand} {generic} " \
                f"{rng.choice(LEGAL)}".replace("  ", " ")
        aliases = ["".join(rng.sample(HAN, 4))] if rng.random() < 0.3 else []
        lists = [{"list": "us_entity_list", "listed_name": brand, "aliases": [],
                  "listed": "2021-07-12", "citation": "synthetic", "url": None, "via": None}
                 ] if rng.random() < 0.1 else []
        entities.append({"name": brand, "legal_name": legal, "aliases": aliases, "country": "CHN",
                         "kind": "vendor", "parent": None, "lists": lists})
    return entities


def typo(word: str, rng: random.Random) -> str:
    """One typing slip inside a long-enough name: a swap of neighbours or a doubled letter."""
    if len(word) < 8:
        return word
    i = rng.randrange(2, len(word) - 2)
    if rng.random() < 0.5:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + word[i] + word[i:]


def variant(entity: dict[str, Any], rng: random.Random) -> str:
    name = entity["name"]
    roll = rng.random()
    if roll < 0.25:
        return entity["legal_name"]
    if roll < 0.4:
        return name.upper()
    if roll < 0.55:
        return f"{name} {rng.choice(LEGAL)}"
    if roll < 0.7:
        return f"{rng.choice(CITIES)} {name} {rng.choice(GENERIC)} {rng.choice(LEGAL)}"
    if roll < 0.85 and entity["aliases"]:
        return entity["aliases"][0]
    return typo(name, rng)


def queries(count: int, synthetic: list[dict[str, Any]], rng: random.Random,
            taken: set[str]) -> list[tuple[str, str]]:
    """(query, expected entity or "") pairs: 45% variants, 15% labelled cases, 40% negatives."""
    with CASES.open(encoding="utf-8", newline="") as handle:
        cases = [(row["query"], row["expected"]) for row in csv.DictReader(handle)]
    out: list[tuple[str, str]] = []
    while len(out) < count:
        roll = rng.random()
        if roll < 0.45:
            entity = rng.choice(synthetic)
            query = variant(entity, rng)
            out.append((query, entity["name"]))
        elif roll < 0.6:
            out.append(rng.choice(cases))
        elif roll < 0.8:
            name = coined(rng) + " " + coined(rng)
            if name.casefold() not in taken:
                out.append((f"{name} {rng.choice(GENERIC)} {rng.choice(LEGAL)}", ""))
        else:
            entity = rng.choice(synthetic)
            out.append((f"{entity['name']} {rng.choice(EXTRA_WORDS)} {rng.choice(LEGAL)}", ""))
    return out


def cold_caches(index: Any) -> None:
    """Forget the words seen by earlier runs, so every run is like a fresh process that has
    only built the index (whose own names warm the caches, as they would in real use)."""
    module = importlib.import_module("oversight.screening.normalise")
    for cached in (module.is_generic, module.pinyin, module._misspelt_legal_form):
        cached.cache_clear()
    for form in index.forms:  # re-warm with the index's own names, as after build_index
        normalise(form.label)


def quality(found: list[str], expected: list[str]) -> dict[str, float]:
    tp = sum(1 for f, e in zip(found, expected, strict=True) if f and f == e)
    fp = sum(1 for f, e in zip(found, expected, strict=True) if f and f != e)
    fn = sum(1 for f, e in zip(found, expected, strict=True) if e and f != e)
    return {"precision": round(tp / max(tp + fp, 1), 4), "recall": round(tp / max(tp + fn, 1), 4)}


def run(args: argparse.Namespace) -> dict[str, Any]:
    rng = random.Random(args.seed)
    fixture = fixture_entities()
    taken = {e["name"].casefold() for e in fixture}
    synthetic = synthetic_entities(args.orgs, rng, taken)
    entities = fixture + synthetic
    pairs = queries(args.queries, synthetic, rng, taken)
    names = [q for q, _ in pairs]

    start = time.perf_counter()
    index = build_index(entities)
    build_seconds = time.perf_counter() - start

    # Wall-clock rate, and the rate per second of CPU time of this (single-threaded) process:
    # on a machine shared with other work the second is what one core delivers.
    rates, cpu_rates = [], []
    for _ in range(args.runs):
        cold_caches(index)
        start, cpu_start = time.perf_counter(), time.process_time()
        results = [screen(index, name) for name in names]
        rates.append(len(names) / (time.perf_counter() - start))
        cpu_rates.append(len(names) / (time.process_time() - cpu_start))
    latencies = []
    cold_caches(index)
    for name in names:
        start = time.perf_counter_ns()
        screen(index, name)
        latencies.append((time.perf_counter_ns() - start) / 1000)
    latencies.sort()

    # Baseline: every raw name of every entity, WRatio against each query, no blocking.
    choices, owners = [], []
    for entity in entities:
        for label in [entity["name"], entity.get("legal_name"), *(entity.get("aliases") or [])]:
            if label:
                choices.append(label)
                owners.append(entity["name"])
    sample = random.Random(args.seed + 1).sample(range(len(pairs)), min(args.sample, len(pairs)))
    start = time.perf_counter()
    baseline_found = []
    for i in sample:
        best = process.extractOne(names[i], choices, scorer=fuzz.WRatio,
                                  processor=utils.default_process, score_cutoff=85)
        baseline_found.append(owners[best[2]] if best else "")
    baseline_rate = len(sample) / (time.perf_counter() - start)

    ours_found = [(results[i]["match"] or {}).get("entity", "") for i in sample]
    expected = [pairs[i][1] for i in sample]
    all_found = [(r["match"] or {}).get("entity", "") for r in results]
    rate = statistics.median(rates)
    return {
        "matcher": MATCHER_VERSION,
        "entities": len(entities), "name_forms": len(index.forms), "queries": len(names),
        "index_build_s": round(build_seconds, 3),
        "names_per_s": round(rate), "runs_names_per_s": [round(r) for r in rates],
        "names_per_cpu_s": round(statistics.median(cpu_rates)),
        "runs_names_per_cpu_s": [round(r) for r in cpu_rates],
        "latency_us": {"p50": round(latencies[len(latencies) // 2], 1),
                       "p99": round(latencies[int(len(latencies) * 0.99)], 1)},
        "quality_all_queries": quality(all_found, [e for _, e in pairs]),
        "baseline": {"method": "rapidfuzz process.extractOne, WRatio, default_process, "
                               "cut-off 85, every raw name, no blocking",
                     "sample": len(sample), "names_per_s": round(baseline_rate, 1),
                     "quality_on_sample": quality(baseline_found, expected)},
        "ours_quality_on_sample": quality(ours_found, expected),
        "speedup_vs_baseline": round(rate / baseline_rate, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orgs", type=int, default=2000, help="synthetic organisations")
    parser.add_argument("--queries", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sample", type=int, default=1000, help="queries timed for the baseline")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args()
    result = run(args)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    base = result["baseline"]
    print(f"screening benchmark ({result['matcher']}): {result['entities']} entities, "
          f"{result['name_forms']} name forms, {result['queries']} queries")
    print(f"  index build            {result['index_build_s']:.3f} s")
    print(f"  names/s (median of {args.runs})  {result['names_per_s']:,}   "
          f"runs: {result['runs_names_per_s']}")
    print(f"  names per CPU second   {result['names_per_cpu_s']:,}   "
          f"runs: {result['runs_names_per_cpu_s']}")
    print(f"  latency per name       p50 {result['latency_us']['p50']} us, "
          f"p99 {result['latency_us']['p99']} us")
    print(f"  quality, all queries   {result['quality_all_queries']}")
    print(f"  baseline names/s       {base['names_per_s']:,} ({base['sample']} queries; "
          f"{base['method']})")
    print(f"  quality on sample      ours {result['ours_quality_on_sample']}, "
          f"baseline {base['quality_on_sample']}")
    print(f"  speed-up vs baseline   {result['speedup_vs_baseline']}x")


if __name__ == "__main__":
    main()
