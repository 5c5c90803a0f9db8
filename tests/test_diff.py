"""`speechkit diff A B` on consecutive national work reports; expectations read off the texts."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from speechkit.cli import cli
from speechkit.analysis.compare import diff, diff_outline, title_similarity
from speechkit.records import FIELDS

DATA = Path(__file__).resolve().parent / "data"
R = {y: str(DATA / "reports" / f"gwr-{y}.txt") for y in (2015, 2016, 2017, 2023, 2024)}
R[2025] = str(DATA / "corpora" / "gwr-00-2025.txt")


@pytest.fixture(scope="module")
def summary():
    from speechkit import api
    from speechkit.config import Config
    from speechkit.api import file_summary

    config, cache = Config(), {}

    def get(year):
        if year not in cache:
            cache[year] = file_summary(api.load(R[year]), config, ("targets", "slogans", "outline"))
        return cache[year]
    return get


def by_item(records, section):
    return {r["item"]: r for r in records if r["section"] == section}


def test_targets_2015_to_2016(summary):
    t = by_item(diff(summary(2015), summary(2016)), "targets")
    # 国内生产总值增长7%左右 -> 6.5%－7%: the middle of the range is lower
    assert (t["gdp"]["change"], t["gdp"]["before"], t["gdp"]["after"]) == ("lowered", 7, 6.5)
    assert t["gdp"]["before_text"] == "国内生产总值增长7%左右" and t["gdp"]["after_text"] == "国内生产总值增长6.5%－7%"
    # 财政赤字1.62万亿元 -> 2.18万亿元
    assert (t["deficit"]["change"], t["deficit"]["before"], t["deficit"]["after"]) == ("raised", 1.62e12, 2.18e12)
    for same in ("cpi", "new_urban_jobs", "unemployment_rate"):  # 3%左右, 1000万人以上, 4.5%以内
        assert t[same]["change"] == "unchanged", same
    # 广义货币M2预期增长13%左右 is new in 2016; 进出口增长6%左右 of 2015 has no 2016 counterpart
    assert t["money_supply"]["change"] == "added" and t["money_supply"]["before"] is None
    assert t["trade"]["change"] == "dropped" and t["trade"]["after"] is None


def test_targets_2024_to_2025(summary):
    t = by_item(diff(summary(2024), summary(2025)), "targets")
    assert t["gdp"]["change"] == "unchanged"  # 5%左右 both years
    assert (t["cpi"]["change"], t["cpi"]["before"], t["cpi"]["after"]) == ("lowered", 3, 2)  # 涨幅3%左右 -> 2%左右
    assert (t["grain_output"]["change"], t["grain_output"]["after"]) == ("raised", 1.4e12)  # 1.3 -> 1.4万亿斤
    assert t["deficit_ratio"]["after"] == 4  # 赤字率拟按4%左右



def test_cli_diff_2024_to_2025_keeps_the_budget_series(runner):
    """``speechkit diff`` run as a user runs it on the two reports: 2025's 一般公共预算支出规模
    29.7万亿元 (no cue of its own, in 二、2025年经济社会发展总体要求和政策取向: a plan figure) is the
    year's target, so fiscal_expenditure is raised from 2024's 28.5万亿元, not dropped; no
    series both reports plan is dropped (key_projects neither). Figures read off the texts."""
    out = runner.invoke(cli, ["diff", R[2024], R[2025], "--jsonl"])
    assert out.exit_code == 0, out.output
    t = {r["item"]: r for r in map(json.loads, out.stdout.splitlines()) if r["section"] == "targets"}
    dropped = sorted(k for k, r in t.items() if r["change"] == "dropped")
    assert "fiscal_expenditure" not in dropped and "key_projects" not in dropped, dropped
    assert dropped == []
    want = {  # item: (change, 2024, 2025)
        "fiscal_expenditure": ("raised", 28.5e12, 29.7e12),  # 一般公共预算支出规模28.5万亿元 -> 29.7万亿元
        "deficit": ("raised", 4.06e12, 5.66e12),  # 赤字规模4.06万亿元 -> 5.66万亿元
        "deficit_ratio": ("raised", 3, 4),  # 赤字率拟按3% -> 4%左右
        "special_bonds": ("raised", 3.9e12, 4.4e12),  # 地方政府专项债券3.9万亿元 -> 4.4万亿元
        "special_treasury_bonds": ("raised", 1e12, 1.3e12),  # 超长期特别国债 1万亿元 -> 1.3万亿元
        "central_budget_investment": ("raised", 7e11, 7.35e11),  # 中央预算内投资拟安排7000亿元 -> 7350亿元
        "gdp": ("unchanged", 5, 5),  # 增长5%左右
    }
    for item, (change, before, after) in want.items():
        assert (t[item]["change"], t[item]["before"], t[item]["after"]) == (change, before, after), item
    assert t["fiscal_expenditure"]["after_text"] == "一般公共预算支出规模29.7万亿元"

def test_slogans_2024_to_2025(summary):
    a, b = summary(2024), summary(2025)
    s = by_item(diff(a, b), "slogans")
    texts = {y: Path(R[y]).read_text(encoding="utf-8") for y in (2024, 2025)}
    assert s["十五五"]["change"] == "new" and texts[2024].count("十五五") == 0 and texts[2025].count("十五五") == 3
    assert s["新三样"]["change"] == "gone" and texts[2025].count("新三样") == 0
    # 一带一路: 5 mentions in 17,726 characters -> 3 in 18,625
    assert s["一带一路"]["change"] == "falling"
    assert (s["一带一路"]["before"], s["一带一路"]["after"]) == (round(5e4 / a["chars"], 3), round(3e4 / b["chars"], 3))
    assert "八项规定" not in s  # once in each: no change reported


def test_outline_2016_to_2017(summary):
    o = diff_outline(summary(2016), summary(2017), levels=1)
    got = {(r["change"], r["item"]) for r in o}
    assert ("removed", "“十三五”时期主要目标任务和重大举措") in got
    assert ("added", "2017年工作总体部署") in got
    renamed = [r for r in o if r["change"] == "renamed"]
    assert [(r["before_text"], r["after_text"]) for r in renamed] == [("2016年重点工作", "2017年重点工作任务")]
    # 2015年工作回顾 -> 2016年工作回顾 is the same section: numbers do not count
    assert not any("工作回顾" in r["item"] for r in o)


def test_outline_same_structure_2024_to_2025(summary):
    assert diff_outline(summary(2024), summary(2025), levels=1) == []


def test_outline_2023_to_2024(summary):
    o = {(r["change"], r["item"]) for r in diff_outline(summary(2023), summary(2024), levels=1)}
    assert ("removed", "过去一年和五年工作回顾") in o and ("added", "2024年经济社会发展总体要求和政策取向") in o


def test_title_similarity_folds_numbers():
    assert title_similarity("2014年工作回顾", "2015年工作回顾") == 1.0
    assert title_similarity("把改革开放扎实推向纵深", "切实加强政府自身建设") < 0.3


def invoke(runner, *args):
    r = runner.invoke(cli, list(args), catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


def test_cli_diff_jsonl_and_text(runner):
    code, out, err = invoke(runner, "diff", R[2024], R[2025], "--jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and err == "" and set(rows[0]) == set(FIELDS["diff"])
    assert [r["section"] for r in rows] == sorted((r["section"] for r in rows),
                                                  key=["targets", "slogans", "outline"].index)
    code, out, _ = invoke(runner, "diff", R[2024], R[2025])
    lines = out.splitlines()
    assert lines[0] == "files\tsection\tchange\titem\tbefore\tafter"
    assert f"{R[2024]} → {R[2025]}\ttargets\tlowered\tcpi\t居民消费价格涨幅3%左右\t居民消费价格涨幅2%左右" in lines


def test_cli_diff_errors(runner, tmp_path):
    code, _, err = invoke(runner, "diff", R[2024])
    assert code == 2 and "two files" in err
    code, out, err = invoke(runner, "diff", R[2024], str(tmp_path / "nope.txt"), "--json")
    assert code == 1 and "nope.txt" in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    doc = json.loads(out)
    assert doc["files"] == [] and doc["errors"][0]["file"].endswith("nope.txt")


def test_cli_diff_many_files_compares_each_with_the_one_before(runner):
    code, out, _ = invoke(runner, "diff", R[2023], R[2024], R[2025], "--json")
    doc = json.loads(out)
    assert code == 0 and [f["file"] for f in doc["files"]] == [f"{R[2023]} → {R[2024]}", f"{R[2024]} → {R[2025]}"]
