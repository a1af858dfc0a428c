"""List-import benchmark: a generated ~20 MB OFAC SDN XML file into a fresh registry.

    python benchmarks/bench_list_import.py [--megabytes 20] [--runs 3] [--json]

The file has the layout of OFAC's sdn.xml (invented entries: coined company names, aliases,
programmes, a tenth of them individuals). Reported, as medians of --runs runs, each into a new
SQLite file: the whole `oversight lists import` path (parse, check, record with history, in one
transaction); in the same run, the baseline of parsing alone (the file streamed through the
SDN parser, nothing written), so the ratio says what recording costs; and a second edition
(5% of entries removed, 5% added) imported on top, the re-import path that computes
added/removed and keeps history. Goal: under a minute for 20 MB.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

from oversight.app import Registry
from oversight.listfiles import parse_file

SYLLABLES = ["nor", "vel", "tra", "kin", "zen", "arc", "lum", "qua", "sol", "mer", "tor", "cal",
             "vex", "ori", "bel", "dra", "fen", "gal", "jor", "kal", "lyr", "mon", "nex", "pol"]
FORMS = ["CO., LTD.", "LIMITED", "LLC", "S.A.", "GMBH", "FZE", "JSC", "TRADING COMPANY"]
PROGRAMS = ["CYBER2", "GLOMAG", "IRAN-HR", "SDGT", "RUSSIA-EO14024", "NPWMD"]


def coined(rng: random.Random) -> str:
    words = ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).upper()
             for _ in range(rng.randint(1, 3))]
    return f"{' '.join(words)} {rng.choice(FORMS)}"


def entry(uid: int, rng: random.Random) -> str:
    person = rng.random() < 0.1
    name = f"<firstName>{coined(rng).title()}</firstName><lastName>{coined(rng)}</lastName>" \
        if person else f"<lastName>{escape(coined(rng))}</lastName>"
    akas = "".join(f"<aka><uid>{uid * 10 + i}</uid><type>a.k.a.</type><category>strong</category>"
                   f"<lastName>{escape(coined(rng))}</lastName></aka>"
                   for i in range(rng.randint(0, 4)))
    programs = "".join(f"<program>{p}</program>" for p in rng.sample(PROGRAMS, rng.randint(1, 2)))
    address = ("<addressList><address><uid>1</uid><city>Example City</city>"
               "<country>Exampleland</country></address></addressList>")
    return (f"<sdnEntry><uid>{uid}</uid>{name}<sdnType>{'Individual' if person else 'Entity'}"
            f"</sdnType><programList>{programs}</programList><akaList>{akas}</akaList>"
            f"{address}</sdnEntry>\n")


def write_edition(path: Path, uids: list[int], published: str, seed: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" standalone="yes"?>\n<sdnList>\n<publshInformation>'
                  f"<Publish_Date>{published}</Publish_Date><Record_Count>{len(uids)}"
                  "</Record_Count></publshInformation>\n")
        for uid in uids:  # seeded by uid: an entry reads the same in both editions
            out.write(entry(uid, random.Random(seed * 1_000_003 + uid)))
        out.write("</sdnList>\n")


def entries_for(megabytes: float) -> int:
    return int(megabytes * 1024 * 1024 / 560)  # about 560 bytes per generated entry


def run(args: argparse.Namespace) -> dict[str, object]:
    folder = Path(tempfile.mkdtemp(prefix="bench-lists-"))
    count = entries_for(args.megabytes)
    first = list(range(1, count + 1))
    drop = set(random.Random(1).sample(first, count // 20))
    second = [u for u in first if u not in drop] + list(range(count + 1, count + 1 + count // 20))
    edition1, edition2 = folder / "sdn.xml", folder / "sdn_next.xml"
    write_edition(edition1, first, "01/15/2026", seed=7)
    write_edition(edition2, second, "02/15/2026", seed=7)
    size = edition1.stat().st_size / 1024 / 1024

    parse_times, import_times, reimport_times = [], [], []
    for run_number in range(args.runs):
        start = time.perf_counter()
        parsed = parse_file(edition1)
        parse_times.append(time.perf_counter() - start)
        registry = Registry(f"sqlite:///{folder / f'run{run_number}.db'}")
        start = time.perf_counter()
        [report] = registry.import_lists([edition1])
        import_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        [again] = registry.import_lists([edition2])
        reimport_times.append(time.perf_counter() - start)
        registry.engine.dispose()
    parse_s, import_s = statistics.median(parse_times), statistics.median(import_times)
    return {
        "file_mb": round(size, 1), "entries": len(parsed.entries),
        "organisations": report["entries"], "skipped": report["skipped"],
        "parse_only_s": round(parse_s, 2), "import_s": round(import_s, 2),
        "import_mb_per_s": round(size / import_s, 2),
        "import_vs_parse_only": round(import_s / parse_s, 2),
        "reimport_s": round(statistics.median(reimport_times), 2),
        "reimport_added_removed": [again["added"], again["removed"]],
        "runs": {"parse_only_s": [round(t, 2) for t in parse_times],
                 "import_s": [round(t, 2) for t in import_times],
                 "reimport_s": [round(t, 2) for t in reimport_times]},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=20.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"list import benchmark: {result['file_mb']} MB OFAC SDN XML, {result['entries']:,} "
          f"entries ({result['organisations']:,} organisations, {result['skipped']:,} skipped)")
    print(f"  parse only (baseline)  {result['parse_only_s']} s (median of {args.runs})")
    print(f"  import                 {result['import_s']} s, {result['import_mb_per_s']} MB/s, "
          f"{result['import_vs_parse_only']}x parse only")
    print(f"  second edition         {result['reimport_s']} s "
          f"(added, removed: {result['reimport_added_removed']})")
    print(f"  runs                   {result['runs']}")


if __name__ == "__main__":
    main()
