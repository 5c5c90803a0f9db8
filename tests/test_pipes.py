"""Piped plain output (issue 14, item 3): one TSV table with a header row and a file column;
notes about empty results on stderr, never stdout; bad option values are usage errors."""
from __future__ import annotations

import pytest

from speechkit.cli import cli

SPEECH = "一、总体要求\n今年地区生产总值增长8%左右，坚持“两个一百年”奋斗目标，推动高质量发展。\n二、主要任务\n"


def invoke(runner, *args):
    r = runner.invoke(cli, list(args), catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


@pytest.fixture
def files(tmp_path):
    a, b, empty = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "none.txt"
    a.write_text(SPEECH, encoding="utf-8")
    b.write_text(SPEECH.replace("8%", "7%"), encoding="utf-8")
    empty.write_text("会议结束。\n", encoding="utf-8")
    return str(a), str(b), str(empty)


@pytest.mark.parametrize("command, header", [
    ("targets", "file\tline\tkind\tindicator\tamount\tqualifier\tmodality\tperiod\ttext"),
    ("keywords", "file\tkeyword\tweight\tcount"),
    ("meta", "file\ttitle\tspeaker\trole\tdate\tvenue\tsource\tscript\tencoding\tchars\tnoise_removed"),
    ("slogans", "file\tcount\ttype\tslogan\tmembers\tline"),
    ("analyze", "file\ttype\tline\titem\tdetail"),
])
def test_one_header_then_rows_with_a_file_column(runner, files, command, header):
    extra = ("--by-file",) if command == "slogans" else ()
    code, out, _ = invoke(runner, command, files[0], files[1], *extra)
    lines = out.splitlines()
    assert code == 0 and lines[0] == header and out.count(header) == 1
    assert not any(line.startswith("== ") for line in lines)
    width = header.count("\t")
    assert {line.split("\t")[0] for line in lines[1:]} == {files[0], files[1]}
    assert all(line.count("\t") == width for line in lines[1:])


@pytest.mark.parametrize("command, note", [
    ("targets", "no targets found"), ("slogans", "no slogans found"), ("outline", "no headings found"),
])
def test_nothing_found_leaves_stdout_empty_and_says_so_on_stderr(runner, files, command, note):
    code, out, err = invoke(runner, command, files[2])
    assert code == 0 and out == "" and err == f"speechkit: {files[2]}: {note}\n"


def test_diff_and_trend_are_tables_too(runner, files):
    code, out, _ = invoke(runner, "diff", files[0], files[1])
    assert code == 0 and out.splitlines()[0] == "files\tsection\tchange\titem\tbefore\tafter"
    assert f"{files[0]} → {files[1]}\ttargets\tlowered\tgdp" in out


@pytest.mark.parametrize("args, message", [
    (("targets", "--indicator", "gpd"), "unknown indicator 'gpd'"),
    (("trend", "--indicator", "gdp,nope"), "unknown indicator 'nope'"),
    (("targets", "--encoding", "klingon"), "unknown encoding 'klingon'"),
    (("targets", "--excel"), "--excel goes with --csv"),
    (("targets", "--excel", "--jsonl"), "--excel goes with --csv"),
    (("targets", "--json", "--csv"), "choose one output format, not --json and --csv"),
    (("targets", "--kind", "wish"), "unknown kind 'wish'"),
    (("report", "--csv"), "No such option '--csv'"),
    (("report", "--excel"), "No such option '--excel'"),
])
def test_usage_errors_name_the_value(runner, files, args, message):
    code, out, err = invoke(runner, *args, files[0])
    assert code == 2 and out == "" and message in err, err


def test_report_help_lists_only_its_options(runner):
    code, out, _ = invoke(runner, "report", "--help")
    assert code == 0 and "--json" in out and "--indicator" in out
    for other in ("--jsonl", "--csv", "--parquet", "--excel", "--color"):
        assert other not in out, other


@pytest.mark.parametrize("command, field, expected", [
    ("slogans", "slogan", "兩個一百年"),
    ("keywords", "keyword", "地區生產總值"),
    ("targets", "text", "地區生產總值增長8%左右"),
])
def test_script_applies_to_every_text_field(runner, files, command, field, expected):
    import json

    code, out, _ = invoke(runner, command, files[0], "--script", "traditional", "--jsonl")
    values = [json.loads(line)[field] for line in out.splitlines()]
    assert code == 0 and expected in values, values
    if command == "slogans":
        members = [m for line in out.splitlines() for m in json.loads(line)["members"]]
        assert members and all("国" not in m for m in members)
