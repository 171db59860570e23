"""The Scorer on hand-made gold and predictions, and the extractor scored on seeds/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alliance_kg.errors import InputError
from alliance_kg.evaluate import Scorer, evaluate_dir, format_table, read_gold
from alliance_kg.extract import Extractor
from alliance_kg.statement import UNNAMED_SOURCES, Statement

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _st(subject, predicate, obj, polarity="affirmed", modality="asserted", attributed=None) -> Statement:
    return Statement(doc="a", subject=subject, subject_iri=f"x:{subject}", predicate=predicate, object=obj,
                     object_iri=f"x:{obj}", polarity=polarity, modality=modality, attributedTo=attributed)


def _gold(*statements, entities=None) -> dict:
    return {"entities": entities or {}, "statements": [dict(s) for s in statements]}


def _g(subject, predicate, obj, **extra) -> dict:
    return {"subject": subject, "predicate": predicate, "object": obj, **extra}


def _score(gold: dict, predicted: list[Statement]) -> dict:
    return Scorer().add("a", gold, predicted).report()


def _counts(part: dict) -> tuple[int, int, int]:
    return part["tp"], part["fp"], part["fn"]


# ------------------------------------------------------------ matching rules

@pytest.mark.parametrize("pred", [("Renault", "Geely"), ("Geely", "Renault")])
def test_symmetric_predicate_matches_in_either_order(pred):
    report = _score(_gold(_g("Renault", "jointVenture", "Geely")), [_st(pred[0], "jointVenture", pred[1])])
    assert _counts(report["strict"]) == (1, 0, 0)
    assert report["strict"]["f1"] == 1.0


def test_asymmetric_predicate_order_matters():
    report = _score(_gold(_g("Nissan", "distrusts", "Geely")), [_st("Geely", "distrusts", "Nissan")])
    assert _counts(report["strict"]) == (0, 1, 1)
    assert report["strict"]["f1"] == 0.0


def test_aliases_match_with_case_and_accents_folded():
    entities = {"Nissan": ["Nissan Motor", "le groupe japonais"], "Citroën": ["Automobiles Citroën"],
                "Geely": []}
    gold = _gold(_g("Nissan", "distrusts", "Geely"), _g("Citroën", "partnerOf", "Nissan"), entities=entities)
    predicted = [_st("LE GROUPE JAPONAIS", "distrusts", "geely"),
                 _st("automobiles citroen", "partnerOf", "NISSAN MOTOR")]
    report = _score(gold, predicted)
    assert _counts(report["strict"]) == (2, 0, 0)


def test_unknown_label_does_not_match():
    gold = _gold(_g("Nissan", "distrusts", "Geely"), entities={"Nissan": ["le groupe japonais"], "Geely": []})
    report = _score(gold, [_st("le groupe chinois", "distrusts", "Geely")])
    assert _counts(report["strict"]) == (0, 1, 1)


@pytest.mark.parametrize("predicates, tp, fp", [
    (["shareholderOf"], 1, 0),
    (["investsIn"], 1, 0),
    (["investsIn", "shareholderOf"], 1, 0),  # both readings predicted: one match, no error
    (["acquires"], 0, 1),
])
def test_predicate_list_accepts_any_listed_predicate(predicates, tp, fp):
    gold = _gold(_g("Nissan", ["investsIn", "shareholderOf"], "Ampere", modality="speculative"))
    report = _score(gold, [_st("Nissan", p, "Ampere", modality="speculative") for p in predicates])
    assert _counts(report["strict"]) == (tp, fp, 1 - tp)


def test_optional_statement_is_neither_tp_nor_fp_nor_fn():
    gold = _gold(_g("Nissan", "distrusts", "Geely"), _g("Geely", "partnerOf", "Renault", optional=True))
    with_it = _score(gold, [_st("Nissan", "distrusts", "Geely"), _st("Renault", "partnerOf", "Geely")])
    without_it = _score(gold, [_st("Nissan", "distrusts", "Geely")])
    assert _counts(with_it["strict"]) == (1, 0, 0)
    assert _counts(without_it["strict"]) == (1, 0, 0)
    assert _counts(with_it["coarse"]) == (1, 0, 0)


def test_coarse_folds_cooperation_predicates():
    gold = _gold(_g("Renault", "jointVenture", "Geely"), _g("Nissan", "memberOf", "Alliance"),
                 _g("Nissan", "distrusts", "Geely"))
    predicted = [_st("Geely", "partnerOf", "Renault"),           # jointVenture vs partnerOf
                 _st("Alliance", "partnerOf", "Nissan"),          # memberOf folded, order free
                 _st("Nissan", "competesWith", "Geely")]          # not a cooperation predicate
    report = _score(gold, predicted)
    assert _counts(report["strict"]) == (0, 3, 3)
    assert _counts(report["coarse"]) == (2, 1, 1)


def test_negated_gold_emitted_as_affirmed_is_counted():
    gold = _gold(_g("Nissan", "memberOf", "Horse", polarity="negated"),
                 _g("Nissan", "sharesTechnology", "e-Power", polarity="negated"))
    predicted = [_st("Nissan", "memberOf", "Horse"),                            # the flip
                 _st("Nissan", "sharesTechnology", "e-Power", polarity="negated")]  # right
    report = _score(gold, predicted)
    assert report["negated_emitted_as_affirmed"] == 1
    assert _counts(report["strict"]) == (1, 1, 1)


def test_polarity_is_part_of_the_tuple():
    report = _score(_gold(_g("Nissan", "distrusts", "Geely")),
                    [_st("Nissan", "distrusts", "Geely", polarity="negated")])
    assert _counts(report["strict"]) == (0, 1, 1)
    assert report["negated_emitted_as_affirmed"] == 0


def test_modality_and_attribution_accuracy_on_matched_tuples():
    gold = _gold(_g("Nissan", "distrusts", "Geely", attributedTo=UNNAMED_SOURCES),
                 _g("Nissan", "investsIn", "Ampere", modality="speculative", attributedTo="Reuters"),
                 _g("Renault", "shareholderOf", "Nissan"),
                 _g("Renault", "acquires", "Dacia", modality="planned"),  # missed: not in the accuracies
                 entities={"Reuters": ["l'agence Reuters"]})
    predicted = [_st("Nissan", "distrusts", "Geely", attributed="Unnamed Sources"),                # both right
                 # modality wrong
                 _st("Nissan", "investsIn", "Ampere", modality="planned", attributed="l'agence Reuters"),
                 _st("Renault", "shareholderOf", "Nissan", attributed="Renault")]               # attribution wrong
    report = _score(gold, predicted)
    assert _counts(report["strict"]) == (3, 0, 1)
    assert report["modality_accuracy"] == round(2 / 3, 4)
    assert report["attribution_accuracy"] == round(2 / 3, 4)


def test_most_certain_prediction_is_kept_for_modality():
    gold = _gold(_g("Renault", "shareholderOf", "Nissan"))
    predicted = [_st("Renault", "shareholderOf", "Nissan", modality="speculative"),
                 _st("Renault", "shareholderOf", "Nissan")]
    report = _score(gold, predicted)
    assert _counts(report["strict"]) == (1, 0, 0)
    assert report["modality_accuracy"] == 1.0


def test_micro_average_over_articles():
    scorer = Scorer()
    scorer.add("a", _gold(_g("Nissan", "distrusts", "Geely")), [_st("Nissan", "distrusts", "Geely")], lang="fr")
    scorer.add("b", _gold(_g("Renault", "acquires", "Dacia"), _g("Renault", "partnerOf", "Nissan")),
               [_st("Renault", "acquires", "Dacia"), _st("Renault", "competesWith", "Nissan")], lang="en")
    report = scorer.report()
    assert _counts(report["strict"]) == (2, 1, 1)
    assert report["strict"]["precision"] == round(2 / 3, 4)
    assert report["strict"]["recall"] == round(2 / 3, 4)
    assert set(report["by_language"]) == {"fr", "en"}
    assert report["by_language"]["fr"]["f1"] == 1.0
    assert "strict" in format_table(report, by_predicate=True)
    json.dumps(report)


def test_empty_everything_scores_zero_without_error():
    report = _score(_gold(), [])
    assert _counts(report["strict"]) == (0, 0, 0)
    assert report["strict"]["f1"] == 0.0
    assert report["modality_accuracy"] is None


# ------------------------------------------------------------- gold files

def test_seed_gold_file_is_well_formed():
    gold = read_gold(SEEDS / "001_standin_renault_nissan_horse.gold.json")
    names = set(gold["entities"])
    for item in gold["statements"]:
        assert item["subject"] in names and item["object"] in names, item
        predicates = item["predicate"] if isinstance(item["predicate"], list) else [item["predicate"]]
        for predicate in predicates:  # Statement checks predicate, polarity and modality names
            _st(item["subject"], predicate, item["object"], item.get("polarity", "affirmed"),
                item.get("modality", "asserted"))
    aliases = [a.casefold() for names in gold["entities"].values() for a in names]
    assert len(aliases) == len(set(aliases)), "an alias names two entities"


def test_read_gold_rejects_bad_files(tmp_path):
    bad = tmp_path / "x.gold.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError):
        read_gold(bad)
    bad.write_text('{"entities": {}}', encoding="utf-8")
    with pytest.raises(InputError, match="statements"):
        read_gold(bad)


def test_evaluate_dir_without_gold_raises(tmp_path):
    (tmp_path / "a.txt").write_text("Nissan se méfie de Geely.", encoding="utf-8")
    (tmp_path / "orphan.gold.json").write_text('{"entities": {}, "statements": []}', encoding="utf-8")
    with pytest.raises(InputError, match="gold"):
        evaluate_dir(tmp_path)


# --------------------------------------------------- the extractor on seeds/

@pytest.fixture(scope="module")
def extractor() -> Extractor:
    ex = Extractor()
    ex.pipeline("fr")
    return ex


def test_extractor_on_seeds(extractor):
    scorer = evaluate_dir(SEEDS, extractor)
    report = scorer.report()
    print()
    print(format_table(report, by_predicate=True, errors=scorer.errors))
    assert report["strict"]["tp"] + report["strict"]["fn"] >= 20  # the gold is all there
    assert report["strict"]["f1"] >= 0.6, report["strict"]
    assert report["negated_emitted_as_affirmed"] == 0


def test_an_article_that_cannot_be_extracted_is_reported(tmp_path):
    from click.testing import CliRunner

    from alliance_kg.cli import cli

    (tmp_path / "de_01.txt").write_text("Volkswagen und Rivian haben am Dienstag ein Gemeinschaftsunternehmen "
                                        "gegründet, teilte der Konzern mit.\n", encoding="utf-8")
    (tmp_path / "de_01.gold.json").write_text(json.dumps({"entities": {}, "statements": [
        {"subject": "Volkswagen", "predicate": "jointVenture", "object": "Rivian", "polarity": "affirmed",
         "modality": "asserted"}]}), encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [s["doc"] for s in report["skipped"]] == ["de_01"]
    assert "warning: de_01 was not extracted" in result.stderr
