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


# --- jurisdiction, year, doc_type (issue 13). Short texts written for these tests.
JURISDICTION_CASES = [
    # province: the title names it
    ("山东省2023年政府工作报告\n各位代表：\n现在，我代表省人民政府向大会报告工作。\n全省上下团结奋斗。",
     ("山东省", "province", None, "370000")),
    # prefecture city: the opening 代表XX人民政府
    ("政府工作报告\n各位代表：\n现在，我代表洛阳市人民政府，向大会报告政府工作。\n全市经济稳中向好，我市项目建设提速。",
     ("洛阳市", "prefecture", "河南省", "410300")),
    # district: the body names it with its bodies, and speaks of itself as 全区
    ("在全区经济工作会议上的讲话\n同志们：\n过去一年，渝水区委、区政府团结带领全区干部群众，渝水区经济总量稳步增长。全区上下要再接再厉。",
     ("新余市渝水区", "county", "新余市", "360502")),
    # county with its full name in the title and a role
    ("公安县县长在全县农业工作会议上的讲话\n同志们：\n全县粮食生产再获丰收，我县农业基础更加稳固。",
     ("荆州市公安县", "county", "荆州市", "421022")),
    # county-level city: 张家港市委 in the opening
    ("致辞\n尊敬的各位来宾：\n我谨代表张家港市委、市政府，向大家表示热烈欢迎。",
     ("苏州市张家港市", "county", "苏州市", "320582")),
    # town: named in the title, under the county written before it
    ("莒南县大店镇2022年政府工作报告\n各位代表：\n全镇上下齐心协力，我镇发展稳中有进。",
     ("临沂市莒南县大店镇", "township", "临沂市莒南县", None)),
    # a city page republishing its province's report: the title's province, not the page's city
    ("首页 > 济南市人民政府 > 政务公开\n山东省政府工作报告\n各位代表：\n全省经济运行总体平稳，我省改革开放持续深化。",
     ("山东省", "province", None, "370000")),
    # a district of a municipality
    ("政府工作报告\n各位代表：\n现在，我代表南开区人民政府，向大会作政府工作报告。\n全区经济平稳运行。",
     ("天津市南开区", "county", "天津市", "120104")),
    # the national government
    ("政府工作报告\n各位代表：\n现在，我代表国务院，向大会报告政府工作。", ("中华人民共和国", "national", None, None)),
]


@pytest.mark.parametrize("text,expected", JURISDICTION_CASES, ids=[c[1][0] for c in JURISDICTION_CASES])
def test_jurisdiction_rules(text, expected):
    j = speechkit.api.meta(speechkit.load(text=text)).jurisdiction
    assert (j.name, j.level, j.parent, j.code) == expected


@pytest.mark.parametrize("text,level", [
    # one passing mention of a county never decides; the text's own 全县/我县 gives the level
    ("在全县安全生产会议上的讲话\n同志们：\n全县安全形势平稳，我县要学习公安县的经验。", "county"),
    # short names that are also common words count only with an institution word after them
    ("在全区动员大会上的讲话\n同志们：\n全区上下要解放思想，解放思想，奋勇前进，我区前进不止。", "county"),
    # a shared name (新城区 is in two cities, and a common word) stays unknown without its city
    ("在全区工作会议上的讲话\n同志们：\n全区要加快新城区建设，新城区建设是我区的重点。", "county"),
    # 乡镇和县直单位: no 和县
    ("在全市招商会议上的讲话\n同志们：\n各乡镇和县直单位、全市各部门，要把我市招商工作抓紧。", "prefecture"),
    ("镇长在全镇经济工作会议上的讲话\n同志们：\n全镇经济稳步增长，我镇企业发展良好。", "township"),
    # a county speech names its superiors' bodies (省委、市委) as often as its own: only 全县/我县 count
    ("同志们：\n要贯彻省委、市委和省政府、市政府部署，全县上下要抓落实，我县要走在前列。", "county"),
    # a report on two counties names neither as the speaker
    ("在全县务虚会上的讲话\n同志们：\n近日，公安县和五莲县分别召开会议。公安县提出，五莲县强调，公安县要求全县上下。", "county"),
])
def test_unnamed_jurisdiction_keeps_name_and_code_null(text, level):
    j = speechkit.api.meta(speechkit.load(text=text)).jurisdiction
    assert (j.name, j.code, j.level) == (None, None, level)


def test_no_self_reference_and_no_name_is_no_jurisdiction():
    assert speechkit.api.meta(speechkit.load(text="同志们：\n今年的工作很重要。")).jurisdiction is None


SAMPLE_JURISDICTION = {
    "district-work-conference.trad": (None, "county", None),  # 区委书记, 全区; no name anywhere
    "economic-work-meeting.trad-pinyin": (None, "county", None),  # 区长
    "first-quarter-mobilization.simp": (None, "county", None),  # 全区 … 我区
    "model-district-mobilization.trad": (None, "county", None),  # 区长, 全区
    "three-level-cadres-2015.simp": ("新余市渝水区", "county", "360502"),  # 渝水区 in the body, 渝水要闻
}


@pytest.mark.parametrize("name", sorted(SAMPLE_JURISDICTION))
def test_jurisdiction_of_sample(name):
    doc = speechkit.load(str(ROOT / "samples" / f"{name}.txt"))
    rec = meta_record(doc, speechkit.api.meta(doc))
    assert (rec["jurisdiction_name"], rec["jurisdiction_level"], rec["jurisdiction_code"]) == SAMPLE_JURISDICTION[name]


@pytest.mark.parametrize("text,year,doc_type", [
    ("山东省2023年政府工作报告\n各位代表：\n全省上下。", 2023, "work_report"),
    ("政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n各位代表：\n现在，我代表国务院，向大会报告政府工作。",
     2024, "work_report"),
    ("各位代表：\n现在，我代表县人民政府，向大会报告工作。\n一、2022年工作回顾\n全县。", 2023, "work_report"),
    # a page's publication banner is not the year the text speaks from
    ("区长在全区大会上的讲话\n时间：2022-05-30 09:13:00\n同志们：\n全区上下。", None, "speech"),
    ("同志们：\n今天，我们召开全区大会。", None, "speech"),
    ("5月8日，县委召开常委会议。\n会议强调，全县上下要抓好落实。", None, "news_summary"),
    ("关于印发全区乡村振兴实施方案的通知\n各镇：\n现印发给你们。", None, "plan"),
    ("附件一\n名单如下。", None, "other"),
])
def test_year_and_doc_type(text, year, doc_type):
    m = speechkit.api.meta(speechkit.load(text=text))
    assert (m.year, m.doc_type) == (year, doc_type)


def test_this_year_periods_are_filled_from_meta_year():
    doc = speechkit.load(text="安宁县2023年政府工作报告\n各位代表：\n今年地区生产总值增长7%左右。")
    found = [t for t in speechkit.api.targets(doc) if t.indicator == "gdp"]
    assert found and all(t.period == 2023 for t in found)
    undated = speechkit.load(text="同志们：\n今年地区生产总值增长7%左右。")
    assert all(t.period is None for t in speechkit.api.targets(undated) if t.indicator == "gdp")


@pytest.mark.parametrize("path", sorted((ROOT / "samples").glob("*.txt"))
                         + sorted((ROOT / "tests" / "data" / "corpora").glob("*.txt"))
                         + sorted((ROOT / "tests" / "data" / "reports").glob("*.txt")), ids=lambda p: p.stem)
def test_year_alone_is_the_meta_year(path):
    """``targets`` reads the year through ``extract_year``, without the rest of the meta."""
    from speechkit.config import Config
    from speechkit.extractors.meta import extract_meta, extract_year

    config = Config()
    doc = speechkit.load(str(path), config=config)
    assert extract_year(doc, config) == extract_meta(doc, config).year


@pytest.mark.parametrize("text, year", [
    ("在县委全会上的讲话\n（2019年3月2日）\n同志们：\n今年经济增长6%。", 2019),  # the header's date
    ("工作报告\n各位代表：\n一、2016年工作回顾\n过去一年，经济稳中有进。", 2017),  # the review heading
    ("工作报告\n各位代表：\n二、2021\u3000年经济社会发展的主要任务\n要稳字当头。", 2021),  # a wide space
    ("讲话\n同志们：\n经济稳中有进，民生持续改善。", None),  # nothing tells
])
def test_year_from_header_or_body(text, year):
    """The header's own year is used without folding the body; the body is read when the
    header tells none, with its full-width forms folded as the lexicon expects."""
    from speechkit.config import Config
    from speechkit.extractors.meta import extract_meta, extract_year

    config = Config()
    doc = speechkit.load(text=text, config=config)
    assert extract_year(doc, config) == extract_meta(doc, config).year == year
