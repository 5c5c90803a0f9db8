"""Page-noise rules of lexicons/cleaning.yaml, one row per family: what must go, what must stay,
and the rule's name in ``noise_removed``. The examples are made up for these tests in the shape
real pages have (banners, widgets, 范文-site promos, paywall notes, converter debris)."""
from __future__ import annotations

import pytest

import speechkit

BODY = "今天召开全县经济工作会议，主要任务是总结去年工作，部署今年任务。"

# (page text, noise that must go, content that must stay, rule that fires)
CASES = [
    ("索 引 号: | abc123/2024-0001 | 主题分类: | 政务公开 |\n" + BODY, "abc123", BODY, "disclosure_table"),
    ("发布机构: | 某某县人民政府 | 发布日期: | 2024-03-01\n" + BODY, "某某县人民政府", BODY, "disclosure_table"),
    ("文章标题：县长在全县大会上的讲话\n" + BODY, "文章标题", BODY, "title_field"),
    ("| 标题:县长在全县大会上的讲话 |\n" + BODY, "标题:", BODY, "title_field"),
    ("某某资讯网 2024-05-06 10:21:33 讲话稿\n" + BODY, "10:21:33", BODY, "datetime_banner"),
    ("03-18 09:12:40  浏览次数:88次\n" + BODY, "浏览次数", BODY, "datetime_banner"),
    ("06.04.2023  08:15\n" + BODY, "08:15", BODY, "datetime_banner"),
    ("| | 2024年03月05日 星期二\n" + BODY, "星期二", BODY, "weekday_banner"),
    ("出版:更新:\n" + BODY, "出版:更新:", BODY, "empty_fields"),
    ("、 |\n" + BODY, "|", BODY, "pipes_only"),
    ("| 讲话 |\n" + BODY, "| 讲话 |", BODY, "pipes_only"),
    ("23.5KB\n12 页\npic_0301.jpg\n" + BODY, "23.5KB", BODY, "file_furniture"),
    ("某某范文网 首页\n" + BODY, "范文网 首页", BODY, "site_name_line"),
    ("文秘资料网 - 写材料的好帮手\n" + BODY, "好帮手", BODY, "site_name_line"),
    ("您现在的位置是: 首页 > 讲话 > 会议\n" + BODY, "您现在的位置", BODY, "breadcrumb"),
    ("首页 >> 资料中心 >> 领导讲话\n" + BODY, "资料中心", BODY, "breadcrumb"),
    ("|来源:某某日报\n" + BODY, "某某日报", BODY, "source_banner"),
    ("稿件来源：县融媒体中心\n" + BODY, "融媒体中心", BODY, "source_banner"),
    (BODY + "\n责编:王某某\n", "王某某", BODY, "editor"),
    (BODY + "\n初审编辑：李某\n", "李某", BODY, "editor"),
    (BODY + "（责编：张某）\n", "张某", BODY, "editor_credit"),
    ("收藏\n分享\n字号 大 中 小\n" + BODY, "字号", BODY, "widgets"),
    ("会员登录  新用户注册  退出\n" + BODY, "新用户注册", BODY, "widgets"),
    ("无障碍 长辈版\n" + BODY, "长辈版", BODY, "widgets"),
    ("加入VIP会员 每篇仅需一元\n" + BODY, "每篇仅需", BODY, "promo_line"),
    ("本站所有文章版权所有，禁止转载\n" + BODY, "禁止转载", BODY, "promo_line"),
    (BODY + "\n相关阅读\n县里召开春耕生产会\n市里部署防汛工作\n\n下一段正文照常保留。",
     "春耕生产会", "下一段正文照常保留。", "related_links"),
    (BODY + "\n试读结束，开通会员可下载全文\n", "开通会员", BODY, "paywall"),
    (BODY + "\n收藏《县长在全县大会上的讲话》)\n", "收藏《", BODY, "paywall"),
    ("共计12000个字，预计阅读时长40分钟。\n" + BODY, "预计阅读时长", BODY, "reading_time"),
    ("标签:讲话,工作会议\n" + BODY, "标签", BODY, "tag_line"),
    ("目录/提纲:……\n" + BODY, "目录/提纲", BODY, "toc_stub"),
    ("获取 Adobe Flash Player\n" + BODY, "Flash", BODY, "flash_player"),
    ("一、总体要求第2页共9页今年要稳中求进。\n", "第2页共9页", "今年要稳中求进", "page_counter"),
    (BODY + "……(未完,全文共5200字,当前仅显示1800字,请阅读下面提示信息。\n", "未完", BODY, "truncation_note"),
    ("某某讲话[此文共3000字]\n" + BODY, "此文共", BODY, "truncation_note"),
    (BODY + "……此处隐藏900个字……\n", "此处隐藏", BODY, "hidden_text_note"),
    (BODY + "……(某某网省略800字,正式会员可完整阅读)\n", "正式会员", BODY, "omitted_text_note"),
    ("下面是小编为大家整理的县长讲话，供大家参考。\n" + BODY, "小编", BODY, "promo"),
    ("今年要抓好项目建设下载后可任意编辑，确保开工。\n", "下载后可任意编辑", "今年要抓好项目建设", "promo"),
    ("【www.example-fanwen.com--讲话】\n" + BODY, "example-fanwen", BODY, "promo"),
    ("要学习总书记皇冠娱乐在线投注:重要论述。\n", "投注", "重要论述", "gambling_spam"),
    ('<image>data:image/s3,"s3://crabby-images/7d2b4/7d2b4af47ba8a1d7f2e40f0c2e6f82e6c0ad82cc" alt="收藏"</image>\n' + BODY, "<image>", BODY, "markup_debris"),
    ("@page { size: 8in 11in; margin: 1in } p { color: #000 }\n" + BODY, "@page", BODY, "markup_debris"),
    ("大力發(fā)展/span>實體經濟。\n", "/span>", "實體經濟", "markup_debris"),
    ("·(jiā)强作风建设。\n", "(jiā)", "强作风建设", "pinyin"),
]


@pytest.mark.parametrize("text,noise,keep,rule", CASES, ids=[c[3] + str(i) for i, c in enumerate(CASES)])
def test_noise_goes_content_stays(text, noise, keep, rule):
    doc = speechkit.load(text=text)
    assert noise not in doc.clean, doc.clean
    assert keep in doc.clean
    assert rule in doc.noise_removed


# Lines of speeches and reports that look a little like page furniture and must stay.
KEPT = [
    "（2024年1月8日）",                                  # a speech's date line
    "2024年3月5日",
    "M\n2\n增长8%左右。",                                 # a subscript on its own line (M2)
    "一、坚定信心，真抓实干",
    "各位代表：",
    "同志们：",
    "来源于群众、服务于群众的工作方法必须坚持，版权所有的作品依法保护。",  # long, a sentence
    "首先，要提高站位。",
    "全县完成投资12.5亿元，同比增长10%。",
    "关于印发《实施方案》的通知",
    "1、2、3号地块同步推进。",
    "澳门回归祖国以来，各项事业蓬勃发展。",
    "要认真做好收藏品市场的规范管理。",
]


@pytest.mark.parametrize("line", KEPT)
def test_content_lines_stay(line):
    doc = speechkit.load(text=line + "\n" + BODY)
    assert doc.clean.startswith(line)


def test_show_noise_lists_what_was_cut(runner, tmp_path):
    from speechkit.cli import cli

    path = tmp_path / "page.txt"
    path.write_text("您的位置: 首页 > 讲话\n" + BODY + "\n责编:王某某\n", encoding="utf-8")
    r = runner.invoke(cli, ["clean", str(path), "--show-noise"])
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert any(l.startswith("1\t") and "breadcrumb" in l and "您的位置" in l for l in lines), lines
    assert any(l.startswith("3\t") and "editor" in l and "王某某" in l for l in lines), lines
    assert not any(BODY in l for l in lines)
