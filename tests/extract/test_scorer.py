"""The claim scorer: features, the shipped model, and training on a small labelled corpus."""

from __future__ import annotations

import json

import pytest

from oversight.extract.corpus import load_corpus
from oversight.extract.scorer import FEATURES, MODEL_PATH, ClaimScorer, read_scorer
from tests.extract.test_corpus_report import CORPUS


def test_the_shipped_model_covers_every_feature_and_says_how_it_was_trained() -> None:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURES)
    assert "development part" in data["trained_on"]
    scorer = read_scorer(MODEL_PATH)
    assert 0.0 <= scorer.threshold < 1.0


def test_probability_is_the_logistic_of_the_weighted_sum() -> None:
    scorer = ClaimScorer({"vendor_in_sentence": 2.0, "hedged": -1.0}, -1.0, 0.3)
    assert scorer.probability({"vendor_in_sentence": 1.0}) == pytest.approx(1 / (1 + 2.718281828**-1))
    assert scorer.probability({"hedged": 1.0}) < scorer.probability({})


def test_a_model_with_unknown_features_is_refused(tmp_path) -> None:
    path = tmp_path / "m.json"
    path.write_text(json.dumps({"coefficients": {"colour": 1.0}, "intercept": 0, "threshold": 0}))
    with pytest.raises(ValueError, match="unknown features"):
        read_scorer(path)


def test_calibration_maps_the_log_odds_and_is_read_back(tmp_path) -> None:
    plain = ClaimScorer({"vendor_in_sentence": 2.0}, -1.0, 0.3)
    shy = ClaimScorer({"vendor_in_sentence": 2.0}, -1.0, 0.3, calibration=(0.5, -1.0))
    values = {"vendor_in_sentence": 1.0}
    assert shy.probability(values) == pytest.approx(1 / (1 + 2.718281828 ** -(0.5 * 1.0 - 1.0)))
    assert shy.probability(values) < plain.probability(values)
    path = tmp_path / "m.json"
    path.write_text(shy.as_json({}), encoding="utf-8")
    assert read_scorer(path) == shy


def test_a_model_file_without_calibration_reads_as_uncalibrated(tmp_path) -> None:
    path = tmp_path / "m.json"
    path.write_text(json.dumps({"coefficients": {"hedged": -1.0}, "intercept": 0, "threshold": 0.3}))
    assert read_scorer(path).calibration == (1.0, 0.0)


def test_calibrating_on_a_held_out_set_keeps_the_claims_that_pass_the_threshold() -> None:
    pytest.importorskip("sklearn")
    from oversight.extract.scorer_training import TrainingRows, calibrate

    # One feature that is right two times in three where the regression learns it; on the fresh
    # documents it is right only half the time, so the calibrated confidence is lower.
    learned = [[1.0]] * 30 + [[0.0]] * 30
    learned_labels = [1] * 20 + [0] * 10 + [1] * 3 + [0] * 27
    fresh = [[1.0]] * 20 + [[0.0]] * 20
    fresh_labels = [1] * 10 + [0] * 10 + [1] * 2 + [0] * 18
    rows = TrainingRows(
        [f"old-{i // 3}" for i in range(60)] + [f"new-{i // 4}" for i in range(40)],
        learned + fresh,
        learned_labels + fresh_labels,
        40,
    )
    scorer = ClaimScorer({FEATURES[0]: 2.0}, -2.0, 0.4)
    calibrated, about = calibrate(scorer, rows, {f"new-{i}" for i in range(10)}, 12, 1.0)
    assert calibrated.calibration != (1.0, 0.0) and about["rows"] == 40
    one = {FEATURES[0]: 1.0}
    assert calibrated.probability(one) < scorer.probability(one)
    # The same claims pass: the threshold moved with the map.
    for values in (one, {FEATURES[0]: 0.0}):
        assert (calibrated.probability(values) >= calibrated.threshold) == (
            scorer.probability(values) >= scorer.threshold
        )


def test_train_scorer_on_a_few_documents_calibrates_on_the_sets_it_is_given(tmp_path) -> None:
    pytest.importorskip("sklearn")
    from typer.testing import CliRunner

    from tests.extract.test_cli import _app

    dev = load_corpus(CORPUS).part("dev")
    docs = [d for d in dev.documents if d["id"].startswith(("ame-", "rom-"))][:45]
    ids = {d["id"] for d in docs}
    for folder, rows in (("documents", docs), ("gold", [g for g in dev.gold if g["doc_id"] in ids])):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "few.jsonl").write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
        )
    model = tmp_path / "model.json"
    args = ["train-scorer", "--corpus", str(tmp_path), "-o", str(model), "--calibrate-on", "rom"]
    result = CliRunner().invoke(_app(), args)
    assert result.exit_code == 0, result.output
    about = json.loads(model.read_text(encoding="utf-8"))
    fresh = sum(d["id"].startswith("rom-") for d in docs)
    assert about["calibrated_on"] | {"sets": ["rom"], "fitted_on_documents": fresh} == about["calibrated_on"]
    assert about["calibration"]["slope"] > 0
    assert about["features"] == list(FEATURES) and set(about["coefficients"]) == set(FEATURES)
    assert about["cross_validation"]["grouped_by"] == "document"


def test_a_claim_from_a_list_of_countries_or_systems_is_marked_and_a_named_city_is_noted(res) -> None:
    from oversight.extract.relate import Candidate
    from oversight.extract.resolve import scored_claims

    text = (
        "Cameras were installed in Kenya, Uganda and Tanzania. "
        "In Nakuru, the police now run facial recognition."
    )
    second = text.index("In Nakuru")

    def candidate(country: str, technology: str, start: int, city: str | None = None) -> Candidate:
        return Candidate(
            country=country, vendor=None, vendor_known=False, technology=technology,
            status="operational", year=None, city=city, start=start, end=start + 10,
            vendor_in_sentence=False, country_in_sentence=True, hedged=False, via_anaphor=False,
        )  # fmt: skip

    listed = [candidate(c, "video_surveillance", 0) for c in ("KEN", "UGA", "TZA")]
    # the second sentence names one country and two systems ("facial recognition" on "cameras")
    named = [candidate("KEN", t, second, "Nakuru") for t in ("facial_recognition", "video_surveillance")]
    scored = scored_claims("d", text, listed + named, res)
    values = {(claim["country"], claim["technology"]): v for claim, v in scored}
    uganda = values["UGA", "video_surveillance"]
    assert uganda["several_countries_in_sentence"] == 1.0 and uganda["city_named"] == 0.0
    assert uganda["several_technologies_in_sentence"] == 0.0
    # Kenya's cameras are also in the sentence that names one country: not only a list's item.
    kenya = values["KEN", "video_surveillance"]
    assert kenya["several_countries_in_sentence"] == 0.0 and kenya["city_named"] == 1.0
    face = values["KEN", "facial_recognition"]
    assert face["several_technologies_in_sentence"] == 1.0 and face["several_countries_in_sentence"] == 0.0
