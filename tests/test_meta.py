"""`meta`: per sample, what the header says (title line, 在…上的讲话, a name line, 时间:/发布时间:
banners), and null where the text does not say it."""
from __future__ import annotations

import pytest

import speechkit
from speechkit.records import FIELDS, meta_record
from tests.conftest import ROOT

EXPECTED = {
    # title line "区委书记全区工作会议讲话稿", 时间: banner
    "district-work-conference.trad": dict(title="區委書記全區工作會議講話稿", speaker=None, role="区委书记",
                                          date="2022-05-30", venue="全区工作会议", source=None),
    # title with pinyin annotations; no date line
    "economic-work-meeting.trad-pinyin": dict(title="區長在經濟工作會議上講話", speaker=None, role="区长",
                                              date=None, venue="经济工作会议", source=None),
    # starts with the body: no title, speaker or date line
    "first-quarter-mobilization.simp": dict(title=None, speaker=None, role=None, date=None, venue=None,
                                            source=None),
    "model-district-mobilization.trad": dict(title="區長在爭創首善之區動員會上的講話", speaker=None, role="区长",
                                             date="2022-12-01", venue="争创首善之区动员会", source=None),
    # navigation, title, "发布时间: 2015-03-30 来源:区委办公室", repeated title, name line
    "three-level-cadres-2015.simp": dict(title="徐文泊在全区三级干部大会上的讲话", speaker="徐文泊", role=None,
                                         date="2015-03-30", venue="全区三级干部大会", source="区委办公室"),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_meta_of_sample(name):
    doc = speechkit.load(str(ROOT / "samples" / f"{name}.txt"))
    rec = meta_record(doc, speechkit.api.meta(doc))
    assert {k: rec[k] for k in EXPECTED[name]} == EXPECTED[name]
    assert list(rec) == FIELDS["meta"]
    assert rec["script"] == doc.script and rec["encoding"] == doc.source.encoding
    assert rec["chars"] == len(doc.clean) and rec["noise_removed"] == list(doc.noise_removed)
    if rec["title"]:
        assert doc.raw[rec["start"]] == rec["title"][0] and doc.raw[rec["end"] - 1] == rec["title"][-1]


@pytest.mark.parametrize("text,field,value", [
    ("政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理　李　强\n各位代表：\n现在，我代表国务院。",
     "date", "2024-03-05"),
    ("政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n李　强\n各位代表：\n现在，我代表国务院。",
     "speaker", "李强"),
    ("政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n李　强\n各位代表：\n现在，我代表国务院。",
     "venue", "第十四届全国人民代表大会第二次会议"),
    ("王强区长在全区经济工作会议上的讲话\n同志们：\n今年的工作。", "speaker", "王强"),
    ("王强区长在全区经济工作会议上的讲话\n同志们：\n今年的工作。", "role", "区长"),
    ("讲话\n发布时间：2019年7月1日 来源：人民网\n同志们：\n今年。", "source", "人民网"),
    ("讲话\n发布时间：2019年7月1日 来源：人民网\n同志们：\n今年。", "date", "2019-07-01"),
    ("同志们：\n今年的工作。", "title", None),
])
def test_meta_rules(text, field, value):
    doc = speechkit.load(text=text)
    assert getattr(speechkit.api.meta(doc), field) == value


def test_title_broken_before_its_last_character_is_joined():
    import speechkit

    doc = speechkit.load(text="\u200b\n\n政府工作报\n告\n\n\n\n各位代表：\n\n现在，我代表国务院，向大会报告政府工作。")
    m = speechkit.meta(doc)
    from speechkit.records import meta_record

    assert meta_record(doc, m)["title"] == "政府工作报告"
