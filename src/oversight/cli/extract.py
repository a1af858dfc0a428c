"""`oversight extract` and `oversight evaluate`: documents in, candidate claims out, and how
good they are against labelled documents. ``register(app)`` adds both commands to a Typer app.
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from oversight.app import Registry
from oversight.cli import render
from oversight.extract.corpus import load_corpus
from oversight.extract.corpus_report import corpus_claims, corpus_report, set_of
from oversight.extract.error_classes import error_classes
from oversight.extract.evaluate import Matching
from oversight.extract.evaluate import evaluate as score_claims
from oversight.extract.pipeline import ClaimWriter, extract_stream, load_done
from oversight.extract.readers import MAX_BYTES, expand_inputs, read_inputs
from oversight.extract.resources import build_resources
from oversight.extract.scorer import MODEL_PATH, default_scorer
from oversight.store import queries


def _input_bytes(inputs: list[str]) -> int | None:
    total = 0
    for path in expand_inputs(inputs):
        if path == "-":
            return None
        with contextlib.suppress(OSError):
            total += path.stat().st_size
    return total


def run_extract(
    inputs: list[str], output: Path | None, workers: int, max_bytes: int, show_progress: bool,
    registry: Registry | None = None,
) -> tuple[Counter[str], list[tuple[str, str]], list[dict[str, Any]]]:
    """Extract from ``inputs`` into ``output`` (appending, resuming); counts, failures, claims.

    Without an output the claims are returned instead of written. With a ``registry``, its
    organisations and aliases drive the extraction, and documents with claims are saved in it
    as review candidates.
    """
    organisations = None
    if registry is not None:
        with registry.session() as session:
            organisations = queries.screening_entities(session)
    done = load_done(output) if output else set()
    counts: Counter[str] = Counter()
    failures: list[tuple[str, str]] = []
    collected: list[dict[str, Any]] = []
    writer = ClaimWriter(output) if output else None
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[docs]} docs, {task.fields[claims]} claims"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
        disable=not show_progress,
    )
    try:
        with progress:
            task = progress.add_task("extracting", total=None, docs=0, claims=0)
            outcomes = extract_stream(
                read_inputs(inputs, max_bytes, raw=workers > 1),
                workers=workers,
                done=done,
                max_bytes=max_bytes,
                organisations=organisations,
            )
            for n, outcome in enumerate(outcomes, 1):
                counts[outcome.state] += 1
                counts["claims"] += len(outcome.claims)
                if outcome.state == "failed":
                    failures.append((outcome.doc_id, outcome.reason or "unreadable"))
                if registry is not None and outcome.claims and outcome.hash:
                    document = {"hash": outcome.hash, "doc_id": outcome.doc_id, **(outcome.document or {})}
                    counts["stored"] += registry.save_extraction(document, outcome.claims)
                if writer:
                    writer.write(outcome)
                else:
                    collected.extend(outcome.claims)
                if n % 200 == 0:
                    progress.update(task, docs=n, claims=counts["claims"])
    finally:
        if writer:
            writer.close()
    return counts, failures, collected


def _extract_spark(
    inputs: list[str], output: Path, master: str | None, conf: list[str], max_bytes: int, as_json: bool,
    registry: Registry | None,
) -> None:
    from oversight.extract.claims_query import import_claims
    from oversight.extract.spark import SparkInputError, run_spark, spark_session

    settings = {}
    for item in conf:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            render.errors.print(f"[red]error:[/red] --conf {item!r}: expected KEY=VALUE", highlight=False)
            raise typer.Exit(2)
        settings[key.strip()] = value
    try:
        import pyspark  # noqa: F401
    except ImportError:
        render.errors.print("[red]error:[/red] --engine spark needs PySpark: pip install 'oversight[spark]'",
                            highlight=False)
        raise typer.Exit(2) from None
    organisations = None
    if registry is not None:
        with registry.session() as session:
            organisations = queries.screening_entities(session)
    from pyspark.sql import SparkSession

    # A session already running in this process (a notebook, a test) is used and left running.
    ours = SparkSession.getActiveSession() is None
    spark = spark_session(master, settings)
    try:
        summary = run_spark(spark, inputs, output, organisations=organisations, max_bytes=max_bytes)
    except SparkInputError as error:
        render.errors.print(f"[red]error:[/red] {error}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    finally:
        if ours:
            spark.stop()
    if registry is not None:
        report = import_claims(registry, output)
        summary["stored_claims"] = report.added
    if as_json:
        render.print_json(summary)
    else:
        for error in summary["error_sample"]:
            render.errors.print(f"[red]error:[/red] {error['source']}: {error['reason']}", highlight=False,
                                soft_wrap=True)
        render.errors.print(
            f"{summary['documents']} documents read: {summary['extracted']} searched, "
            f"{summary['skipped']} skipped by the prefilter, {summary['failed']} bad records skipped; "
            f"{summary['claims']} claims written to {output}/claims (Parquet) in {summary['seconds']} s; "
            f"query them with `oversight claims query \"SQL\" --output {output}`",
            highlight=False,
            soft_wrap=True,
        )
    if summary["failed"]:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add the ``extract`` and ``evaluate`` commands to ``app``."""

    @app.command()
    def extract(
        ctx: typer.Context,
        inputs: Annotated[
            list[str],
            typer.Argument(help="Files or folders (txt, md, html, pdf, jsonl, jsonl.gz); '-' reads stdin."),
        ],
        output: Annotated[Path, typer.Option(
            "--output", "-o", help="Claims file (JSON lines); with --engine spark, a folder of Parquet.")],
        workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Worker processes.")] = 1,
        max_bytes: Annotated[
            int, typer.Option("--max-bytes", min=1, help="Skip files (and records) larger than this.")
        ] = MAX_BYTES,
        as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
        store: Annotated[bool, typer.Option(
            help="Use the registry's organisations and save documents and claims in it for review.")
        ] = False,
        engine: Annotated[str, typer.Option(
            "--engine", help="local: this machine, JSON lines out. spark: Apache Spark, Parquet datasets "
            "out (--output is a folder; inputs are .jsonl, .jsonl.gz or Parquet with id/text columns).")
        ] = "local",
        master: Annotated[Optional[str], typer.Option(  # noqa: UP045 - typer needs Optional
            "--master", help="Spark master URL (default: spark.master of the Spark configuration, "
            "else local[*]).")] = None,
        spark_conf: Annotated[Optional[list[str]], typer.Option(  # noqa: UP045
            "--conf", help="Spark setting KEY=VALUE (repeatable), e.g. spark.driver.memory=4g.")] = None,
    ) -> None:
        """Extract candidate claims from documents; a re-run resumes and adds nothing twice."""
        started = time.perf_counter()
        show = sys.stderr.isatty() and not as_json
        registry = Registry(ctx.find_root().obj) if store else None
        if engine == "spark":
            _extract_spark(inputs, output, master, spark_conf or [], max_bytes, as_json, registry)
            return
        if engine != "local":
            render.errors.print(f"[red]error:[/red] --engine {engine!r} is not one of: local, spark",
                                highlight=False)
            raise typer.Exit(2)
        counts, failures, _ = run_extract(inputs, output, workers, max_bytes, show, registry)
        for path, reason in failures:
            render.errors.print(f"[red]error:[/red] {path}: {reason}", highlight=False, soft_wrap=True)
        summary = {
            "documents": counts["extracted"] + counts["skipped"] + counts["done-before"],
            "extracted": counts["extracted"],
            "skipped": counts["skipped"],
            "already_done": counts["done-before"],
            "failed": counts["failed"],
            "claims": counts["claims"],
            "stored_claims": counts["stored"] if store else None,
            "output": str(output),
            "seconds": round(time.perf_counter() - started, 2),
        }
        if as_json:
            render.print_json(summary)
        else:
            render.errors.print(
                f"{summary['documents']} documents read: {summary['extracted']} searched, "
                f"{summary['skipped']} skipped by the prefilter, {summary['already_done']} done before, "
                f"{summary['failed']} failed; {summary['claims']} claims written to {output}",
                highlight=False,
                soft_wrap=True,
            )
        if failures:
            raise typer.Exit(1)

    @app.command("train-scorer")
    def train_scorer(
        corpus: Annotated[Path, typer.Option("--corpus", help="The labelled corpus folder.")] = Path(
            "tests/extract/corpus"
        ),
        output: Annotated[Path, typer.Option("--output", "-o", help="Model file to write.")] = MODEL_PATH,
        calibrate_on: Annotated[
            Optional[list[str]],  # noqa: UP045 - typer needs Optional
            typer.Option(
                "--calibrate-on",
                help="Labelled sets (file names without .jsonl) whose development documents no rule "
                "was written with in view: the scorer is calibrated on them. Default: "
                "scorer_training.CALIBRATION_SETS.",
            ),
        ] = None,
    ) -> None:
        """Train the claim scorer on the corpus's development part (never its test part)."""
        render.print_json(_train_scorer(corpus, output, calibrate_on))

    @app.command()
    def evaluate(
        gold: Annotated[
            Optional[Path],  # noqa: UP045 - typer needs Optional
            typer.Option("--gold", help="Labelled claims (JSON lines)."),
        ] = None,
        claims: Annotated[
            Optional[Path],  # noqa: UP045 - typer needs Optional
            typer.Option("--claims", help="Extracted claims to score."),
        ] = None,
        documents: Annotated[
            Optional[list[str]],  # noqa: UP045
            typer.Option(
                "--documents", help="Documents to extract from and then score (instead of --claims)."
            ),
        ] = None,
        workers: Annotated[int, typer.Option("--workers", "-w", min=1)] = 1,
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
        details: Annotated[
            bool, typer.Option("--details", help="Also list missed and spurious claims.")
        ] = False,
        corpus: Annotated[
            Optional[Path],  # noqa: UP045
            typer.Option("--corpus", help="A labelled corpus folder (documents/*.jsonl, gold/*.jsonl): "
                         "extract from its documents and score with breakdowns and calibration."),
        ] = None,
        part: Annotated[
            str, typer.Option("--part", help="With --corpus: dev, test or all (the fixed blind split).")
        ] = "dev",
    ) -> None:
        """Precision, recall and F1 on (country, vendor, technology); status and year accuracy."""
        if corpus is not None:
            _evaluate_corpus(corpus, part, as_json, details)
            return
        if gold is None or (claims is None) == (not documents):
            render.errors.print(
                "[red]error:[/red] give --corpus, or --gold with either --claims or --documents",
                highlight=False,
            )
            raise typer.Exit(2)
        gold_rows = _read_jsonl(gold)
        if claims is not None:
            predicted = _read_jsonl(claims)
        else:
            # A folder holding the labelled set also holds its gold file and README: skip them.
            paths = [
                str(p)
                for p in expand_inputs(documents or [])
                if p == "-" or (p.resolve() != gold.resolve() and not p.name.lower().startswith("readme"))
            ]
            counts, failures, predicted = run_extract(paths, None, workers, MAX_BYTES, False)
            for path, reason in failures:
                render.errors.print(f"[red]error:[/red] {path}: {reason}", highlight=False, soft_wrap=True)
        scores = score_claims(gold_rows, predicted, build_resources())
        if as_json:
            render.print_json(scores.as_dict(details))
            return
        render.table(
            "Extraction quality",
            ("measure", "value"),
            [
                ("precision", f"{scores.precision:.3f}"),
                ("recall", f"{scores.recall:.3f}"),
                ("F1", f"{scores.f1:.3f}"),
                (
                    "true / false positives, false negatives",
                    f"{scores.true_positives} / {scores.false_positives}, {scores.false_negatives}",
                ),
                ("status accuracy (matched)", _pct(scores.status_accuracy)),
                ("year accuracy (matched)", _pct(scores.year_accuracy)),
                ("city accuracy (matched)", _pct(scores.city_accuracy)),
            ],
        )
        if details:
            _details_tables(scores.missed, scores.spurious)


def _train_scorer(folder: Path, output: Path, calibrate_on: list[str] | None) -> dict[str, Any]:
    """``train-scorer``: fit the claim scorer on the corpus's development part, calibrate it on
    the fresh sets' development documents, write it."""
    from oversight.extract.scorer_training import CALIBRATION_SETS, calibrate, train, training_rows

    if not folder.is_dir():
        render.errors.print(f"[red]error:[/red] {folder}: not a corpus folder", highlight=False)
        raise typer.Exit(2)
    res = build_resources()
    dev = load_corpus(folder).part("dev")
    rows = training_rows(dev, res)
    scorer, about = train(rows)
    sets = sorted(CALIBRATION_SETS if calibrate_on is None else calibrate_on)
    fresh = {d["id"] for d in dev.documents if set_of(d["id"]) in sets}
    if fresh:
        try:
            scorer, calibration = calibrate(
                scorer, rows, fresh, sum(g["doc_id"] in fresh for g in dev.gold), about["C"]
            )
        except ValueError as exc:
            render.errors.print(f"[red]error:[/red] calibration on {sets}: {exc}", highlight=False)
            raise typer.Exit(1) from exc
        about["calibrated_on"] = {"sets": sets, **calibration}
    else:
        about["calibrated_on"] = {"sets": sets, "fitted_on_documents": 0, "note": "no such set in the corpus"}
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(scorer.as_json(about), encoding="utf-8")
    default_scorer.cache_clear()
    return {**about, "threshold": scorer.threshold, "output": str(output)}


def _with_classes(
    matching: Matching, rows: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The missed and spurious claims, each with its error class (``rows`` is in their order)."""
    classes = iter(r["class"] for r in rows)
    missed = [{**g, "error_class": next(classes)} for g in matching.missed]
    spurious = [{**c, "error_class": next(classes)} for c in matching.spurious]
    return missed, spurious


def _details_tables(missed: list[dict[str, Any]], spurious: list[dict[str, Any]]) -> None:
    for title, rows in (("missed", missed), ("spurious", spurious)):
        render.table(
            title,
            ("doc", "country", "vendor", "technology", "status", "year", "confidence", "class"),
            [
                (
                    r.get("doc_id"),
                    r.get("country"),
                    r.get("vendor"),
                    r.get("technology"),
                    r.get("status"),
                    r.get("year"),
                    r.get("confidence", ""),
                    r.get("error_class", ""),
                )
                for r in rows
            ],
        )


def _evaluate_corpus(folder: Path, part: str, as_json: bool, details: bool) -> None:
    """``evaluate --corpus``: extract from a labelled corpus part and report on it."""
    if part not in ("dev", "test", "all"):
        render.errors.print(
            f"[red]error:[/red] --part {part!r} is not one of: dev, test, all", highlight=False
        )
        raise typer.Exit(2)
    if not folder.is_dir():
        render.errors.print(f"[red]error:[/red] {folder}: not a corpus folder", highlight=False)
        raise typer.Exit(2)
    res = build_resources()
    labelled = load_corpus(folder)
    if part != "all":
        labelled = labelled.part(part)  # type: ignore[arg-type]
    report = corpus_report(labelled, corpus_claims(labelled, res), res)
    matching = report.pop("matching")
    overall = report["overall"]
    classes = error_classes(labelled, matching, res)
    report["error_classes"] = {"missed": classes["missed"], "spurious": classes["spurious"]}
    if as_json:
        report["overall"] = overall.as_dict()
        if details:
            report["missed"], report["spurious"] = _with_classes(matching, classes["rows"])
        render.print_json(report)
        return
    render.table(
        f"Extraction quality, corpus part {part} ({report['documents']} documents, "
        f"{report['gold_claims']} gold claims)",
        ("measure", "value"),
        [
            ("precision", f"{overall.precision:.3f}"),
            ("recall", f"{overall.recall:.3f}"),
            ("F1", f"{overall.f1:.3f}"),
            ("true / false positives, false negatives",
             f"{overall.true_positives} / {overall.false_positives}, {overall.false_negatives}"),
            ("status accuracy (matched)", _pct(overall.status_accuracy)),
            ("year accuracy (matched)", _pct(overall.year_accuracy)),
            ("city accuracy (matched)", _pct(overall.city_accuracy)),
        ],
    )
    for key, title in (("by_technology", "technology"), ("by_kind", "document kind"),
                       ("by_language", "language"), ("by_set", "labelled set")):
        render.table(
            f"By {title}",
            (title, "P", "R", "F1", "TP/FP/FN", "status", "year"),
            [
                (name, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}",
                 f"{s['true_positives']}/{s['false_positives']}/{s['false_negatives']}",
                 _pct(s["status_accuracy"]), _pct(s["year_accuracy"]))
                for name, s in report[key].items()
            ],
        )
    render.table(
        "Calibration (confidence band: claims, share correct)",
        ("confidence", "claims", "share correct"),
        [(row["band"], row["claims"], _pct(row["share_correct"])) for row in report["calibration"]],
    )
    render.table(
        "Errors by class",
        ("error", "class", "claims"),
        [(side, name, count) for side in ("missed", "spurious")
         for name, count in report["error_classes"][side].items()],
    )
    if details:
        _details_tables(*_with_classes(matching, classes["rows"]))


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except ValueError as error:
                    render.errors.print(f"[red]error:[/red] {path}:{number}: {error}", highlight=False)
                    raise typer.Exit(2) from None
    return rows
