"""Real reports from the corpora (a few copied into tests/data/corpora; the benchmark runs all
88): they load and outline without error, with the structure a reader sees in them."""
from __future__ import annotations

from pathlib import Path

import pytest

import speechkit

DATA = Path(__file__).resolve().parent / "data" / "corpora"


def outline(name: str) -> list:
    doc = speechkit.load(str(DATA / name))
    return [(h, doc.norm[slice(*h.title_span)]) for h in speechkit.outline(doc)]


def test_2025_work_report():
    heads = outline("gwr-00-2025.txt")
    top = [t for h, t in heads if h.level == 1]
    assert top == ["2024年工作回顾", "2025年经济社会发展总体要求和政策取向", "2025年政府工作任务"]
    review = [t for h, t in heads if h.level == 2 and h.parent == 1]
    assert len(review) == 7 and review[0].startswith("因时因势加强和创新宏观调控")
    tasks_id = next(h.id for h, t in heads if t == "2025年政府工作任务")
    tasks = [(h.style, h.number) for h, _ in heads if h.parent == tasks_id]
    assert tasks == [("cn_paren", n) for n in range(1, 11)]


def test_2002_work_report_marker_alone_on_its_line():
    """Wikisource puts 一是 on a line of its own and the text on the next: the title comes from there."""
    heads = outline("gwr-41-2002.txt")
    assert [h.number for h, _ in heads if h.level == 1] == list(range(1, 9))
    assert all(t for _, t in heads), "every heading has a title"
    first = [(h.style, h.number, t) for h, t in heads if h.level == 2][:2]
    assert first[0] == ("yi_shi", 1, "采取更有力的措施，千方百计增加农民收入，切实减轻农民负担")
    assert first[1][2] == "进一步完善城镇社会保障体系"


def test_1955_work_report_lists_restarting_inside_a_section_are_nested():
    """一、二、三、 then, inside 三、, lists numbered 一、二、… again; 四、 later resumes the top."""
    heads = outline("gwr-70-1955.txt")
    top = [(h.number, t) for h, t in heads if h.level == 1]
    assert [n for n, _ in top] == [1, 2, 3, 4]
    assert top[3][1] == "为完成和超额完成第一个五年计划而奋斗"
    sections = [h for h, _ in heads if h.level == 2 and h.style == "cn_paren"]
    assert [h.number for h in sections] == list(range(1, 10))
    nested = [h for h, _ in heads if h.style == "cn_dun" and h.level > 1]
    assert len(nested) == 4 + 4 + 5 + 3 + 5
    # each nests inside the (N) section it stands in, under whatever heading is open there
    # (the 五项措施 list of （三） sits under its 第二，)
    by_id = {h.id: h for h, _ in heads}
    for h in nested:
        up = h
        while up.parent is not None and by_id[up.parent].style != "cn_paren":
            up = by_id[up.parent]
        assert up.parent is not None and h.level in (3, 4)


def test_1921_party_report_arabic_and_circled():
    heads = outline("cpc-01-1.txt")
    assert [t for h, t in heads if h.level == 1] == ["去年", "现状", "今后意见"]
    arabic = [t for h, t in heads if h.style == "arabic_dot"]
    assert arabic == ["吸收新党员", "成立工会", "成立工人学校", "对农民的宣传工作", "与士兵的联系"]
    circled = [(h.level, t) for h, t in heads if h.style == "circled"]
    assert circled == [(3, "工会学校"), (3, "工人夜校")]


@pytest.mark.parametrize("path", sorted(DATA.glob("*.txt")), ids=lambda p: p.name)
def test_corpus_text_loads_and_every_heading_is_well_formed(path):
    doc = speechkit.load(str(path))
    heads = speechkit.outline(doc)
    ids = {h.id for h in heads}
    for h in heads:
        assert h.parent is None or h.parent in ids and h.parent < h.id
        assert 1 <= h.level <= 8 and h.number >= 1
        s, e = doc.raw_span(*h.marker_span)
        assert 0 <= s < e <= len(doc.raw)
