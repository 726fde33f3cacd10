"""Tests of govreport.evaluate with a fake predictor and small hand-written passages."""

from __future__ import annotations

import json
import math

import pytest

from govreport import Indicator
from govreport import evaluate as ev

PASSAGE = "今年全市生产总值增长6%左右，粮食产量稳定在120万吨以上，居民收入增长7%。"


def rec(text: str, **kw) -> dict:
    """A gold record (no start/end) with sensible defaults."""
    r = dict(
        kind="target",
        indicator=None,
        mention="",
        measure="growth",
        value=None,
        low=None,
        high=None,
        qualifier="exact",
        unit="%",
        raw_unit="%",
        year=2023,
        period_start=None,
        estimated=False,
        region="某市",
        text=text,
    )
    r.update(kw)
    return r


GOLD = [
    rec("生产总值增长6%左右", indicator="gdp", mention="生产总值", value=6.0, qualifier="approx"),
    rec("粮食产量稳定在120万吨以上", mention="粮食产量", measure="level", value=1.2e6,
        qualifier="at_least", unit="t", raw_unit="万吨"),
    rec("居民收入增长7%", mention="居民收入", value=7.0),
]


def passage(text=PASSAGE, records=GOLD, pid="t-1") -> dict:
    return {"id": pid, "source": "x.txt", "report": "某市报告", "region": "某市", "year": 2023,
            "text": text, "records": list(records)}


def located(text: str, records: list[dict]) -> list[dict]:
    """Gold records turned into predictions: with start/end where the scorer puts them."""
    return [dict(r, start=s, end=e) for r, (s, e) in zip(records, ev.gold_spans(text, records))]


def fake(records_for):
    """A predictor returning `records_for(text)`; checks the keyword arguments it gets."""

    def predict(text, *, region=None, year=None):
        assert region == "某市" and year == 2023
        return records_for(text)

    return predict


def perfect(text):
    return located(text, GOLD)


def drop_last(text):
    return located(text, GOLD)[:-1]


def add_extra(text):
    i = text.index("7%")
    return located(text, GOLD) + [dict(GOLD[2], mention="收入", value=0.07, text="7%", start=i, end=i + 2)]


def wrong_qualifier(text):
    out = located(text, GOLD)
    out[0] = dict(out[0], qualifier="exact")
    return out


def wrong_sign(text):
    out = located(text, GOLD)
    out[2] = dict(out[2], value=-7.0)
    return out


def shifted_span(text):
    out = located(text, GOLD)
    i = text.index("120万吨")
    out[0] = dict(out[0], start=i, end=i + 5)  # right number, wrong place: no pair
    return out


def as_models(text):
    return [Indicator(**r) for r in located(text, GOLD)]


def boom(text):
    raise RuntimeError("extractor broke")


# name, predictor, quantity (p, r, f1), record (p, r, f1), fields expected below 1
CASES = [
    ("perfect", perfect, (1, 1, 1), (1, 1, 1), set()),
    ("pydantic records", as_models, (1, 1, 1), (1, 1, 1), set()),
    ("missing", drop_last, (1, 2 / 3, 0.8), (1, 2 / 3, 0.8), set()),
    ("extra", add_extra, (0.75, 1, 6 / 7), (0.75, 1, 6 / 7), set()),
    ("wrong qualifier", wrong_qualifier, (1, 1, 1), (2 / 3, 2 / 3, 2 / 3), {"qualifier"}),
    ("wrong sign", wrong_sign, (1, 1, 1), (2 / 3, 2 / 3, 2 / 3), {"value"}),
    ("span elsewhere", shifted_span, (2 / 3, 2 / 3, 2 / 3), (2 / 3, 2 / 3, 2 / 3), set()),
    ("predictor raises", boom, (0, 0, 0), (0, 0, 0), None),
]


@pytest.mark.parametrize("name,predict,quantity,record,bad_fields", CASES, ids=[c[0] for c in CASES])
def test_scores(name, predict, quantity, record, bad_fields):
    s = ev.score([passage()], fake(predict))
    assert (s.quantity_p, s.quantity_r, s.quantity_f1) == pytest.approx(quantity)
    assert (s.record_p, s.record_r, s.record_f1) == pytest.approx(record)
    if bad_fields is None:
        assert all(math.isnan(v) for v in s.fields.values())
        assert len(s.missed) == 3 and s.errors and "extractor broke" in s.errors[0][1]
        return
    assert {f for f, v in s.fields.items() if v < 1} == bad_fields
    assert {e[0] for w in s.wrong for e in w.errors} == bad_fields


def test_missed_extra_wrong_lists():
    assert [m.record["text"] for m in ev.score([passage()], fake(drop_last)).missed] == ["居民收入增长7%"]
    assert [x.record["text"] for x in ev.score([passage()], fake(add_extra)).extra] == ["7%"]
    (w,) = ev.score([passage()], fake(wrong_qualifier)).wrong
    assert w.errors == [("qualifier", "approx", "exact")] and not w.correct_record


def test_repeated_texts_use_successive_occurrences():
    text = "甲地增长5%，乙地增长5%，丙地增长5%。"
    gold = [rec("增长5%", mention="", value=5.0, region=r) for r in ("甲地", "乙地", "丙地")]
    assert ev.gold_spans(text, gold) == [(2, 6), (9, 13), (16, 20)]
    # A prediction on the third occurrence only pairs with the third gold record.
    i = text.rindex("增长5%")
    pred = [dict(gold[2], start=i, end=i + 4)]
    s = ev.score([passage(text, gold)], fake(lambda t: pred))
    assert s.pairs == 1 and s.correct == 1 and s.fields["region"] == 1.0
    assert [m.record["region"] for m in s.missed] == ["甲地", "乙地"]


def test_shared_clause_records_and_best_pairing():
    # Two records of one 分别 clause share the clause's only occurrence; the greedy match
    # pairs each prediction with the gold record it agrees with most.
    text = "城乡居民收入分别增长8%和8%以上。"
    clause = "城乡居民收入分别增长8%和8%以上"
    gold = [rec(clause, indicator="urban_disposable_income", mention="城镇居民收入", value=8.0),
            rec(clause, indicator="rural_disposable_income", mention="农村居民收入", value=8.0,
                qualifier="at_least")]
    assert ev.gold_spans(text, gold) == [(0, len(clause))] * 2
    a, b = text.index("8%"), text.rindex("8%以上")
    pred = [dict(gold[1], text="8%以上", start=b, end=b + 4), dict(gold[0], text="8%", start=a, end=a + 2)]
    s = ev.score([passage(text, gold)], fake(lambda t: pred))
    assert s.record_f1 == 1.0 and not s.wrong


@pytest.mark.parametrize(
    "gold_mention,pred_mention,agree",
    [
        ("地區生產(chǎn)總值(zhí)", "地区生产总值", True),  # traditional + pinyin
        ("地区生产总值", "全市地區生產總值", True),  # scope word, traditional
        ("“菜篮子”产品", "菜篮子产品", True),  # quotes
        ("城镇新增就业", "新增就业", True),  # containment
        ("新增就业", "就业", True),  # containment (新增 is not stripped, but contains)
        ("城镇新增就业", "失业率", False),
        ("粮食产量", "", False),
    ],
)
def test_mention_normalisation(gold_mention, pred_mention, agree):
    text = "今年粮食产量增长3%。"
    gold = [rec("粮食产量增长3%", mention=gold_mention, value=3.0)]
    i = text.index("粮")
    pred = [dict(gold[0], mention=pred_mention, start=i, end=i + 8)]
    s = ev.score([passage(text, gold)], fake(lambda t: pred))
    assert s.quantity_f1 == 1.0
    assert s.fields["mention"] == (1.0 if agree else 0.0)
    assert s.record_f1 == (1.0 if agree else 0.0)


def test_indicator_code_decides_over_mention():
    text = "生产总值增长6%。"
    gold = [rec("生产总值增长6%", indicator="gdp", mention="生产总值", value=6.0)]
    pred = [dict(gold[0], mention="别的东西", start=0, end=8)]
    s = ev.score([passage(text, gold)], fake(lambda t: pred))
    assert s.record_f1 == 1.0 and s.fields["mention"] == 0.0
    pred = [dict(gold[0], indicator=None, start=0, end=8)]
    assert ev.score([passage(text, gold)], fake(lambda t: pred)).record_f1 == 0.0


def test_ranges_and_tolerance():
    text = "增长6%—6.5%。"
    gold = [rec("增长6%—6.5%", mention="", low=6.0, high=6.5, qualifier="range")]
    pred = [dict(gold[0], low=6.0000001, high=6.5, start=0, end=8)]
    assert ev.score([passage(text, gold)], fake(lambda t: pred)).record_f1 == 1.0
    pred = [dict(gold[0], low=6.0, high=7.0, start=0, end=8)]
    assert ev.score([passage(text, gold)], fake(lambda t: pred)).pairs == 0


def test_region_containment():
    assert ev.regions_agree("高新区", "株洲高新区")
    assert ev.regions_agree("株洲高新區", "高新区")
    assert not ev.regions_agree("高新区", "经开区")
    assert not ev.regions_agree("高新区", "")


def test_empty_inputs():
    s = ev.score([], fake(perfect))
    assert (s.quantity_f1, s.record_f1, s.passages) == (1.0, 1.0, 0)
    s = ev.score([passage(records=[])], fake(lambda t: []))
    assert s.quantity_p == 1.0 and s.quantity_r == 1.0


@pytest.fixture
def gold_file(tmp_path):
    path = tmp_path / "gold.jsonl"
    lines = [json.dumps(passage(pid="a"), ensure_ascii=False), "",
             json.dumps(passage(pid="b"), ensure_ascii=False)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_cli_text(gold_file, monkeypatch, capsys):
    monkeypatch.setattr(ev, "default_predict", fake(wrong_qualifier))
    assert ev.main([str(gold_file), "--show", "1"]) == 0
    out = capsys.readouterr().out
    assert "== overall" in out and "passages 2" in out and "gold records 6" in out
    assert "-- wrong (2), showing 1" in out and "qualifier: gold 'approx' vs predicted 'exact'" in out
    assert "生产总值增长6%左右" in out


def test_cli_json_and_errors(gold_file, monkeypatch, capsys):
    monkeypatch.setattr(ev, "default_predict", fake(drop_last))
    assert ev.main([str(gold_file), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["overall"]["quantity"]["r"] == pytest.approx(2 / 3)
    assert data["files"][str(gold_file)]["missed"] == 2

    monkeypatch.setattr(ev, "default_predict", fake(boom))
    assert ev.main([str(gold_file)]) == 0
    out = capsys.readouterr().out
    assert "RuntimeError: extractor broke" in out and "missed (6)" in out


def test_default_predict_is_used_when_none(monkeypatch):
    monkeypatch.setattr(ev, "default_predict", fake(perfect))
    assert ev.score([passage()]).record_f1 == 1.0
