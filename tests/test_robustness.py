"""Hostile, broken and huge input never crashes, hangs or corrupts output (issue #6).

Property tests run every command over arbitrary text and bytes; adversarial inputs check that
time grows roughly linearly with size (every regex audited for backtracking, lengths bounded).
"""
from __future__ import annotations

import csv
import io
import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speechkit.cli import cli

# Every command that reads FILES; extended as commands land.
COMMANDS = [c for c in ("outline", "clean", "targets", "slogans", "meta", "keywords", "analyze", "trend")
            if c in cli.commands]
FORMATS = ["--json", "--jsonl", "--csv", None]


def run_file(runner, tmp_path, data: bytes, command: str, fmt: str | None):
    f = tmp_path / "input.txt"
    f.write_bytes(data)
    args = [command, str(f)] + ([fmt] if fmt else [])
    r = runner.invoke(cli, args)
    return r, f


def check_output(r, fmt: str | None, raw_len: int | None):
    assert r.exit_code in (0, 1), (r.exit_code, r.stderr, r.exception)
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    assert "Traceback" not in r.stderr
    records = []
    if fmt == "--json":
        doc = json.loads(r.stdout)
        for f in doc["files"]:
            if doc["command"] == "analyze":  # nested per file: meta object and four lists
                records += ([f["meta"]] if f["meta"] else []) + f["outline"] + f["targets"] + f["slogans"] + \
                    f["keywords"]
            else:
                records += f["records"]
    elif fmt == "--jsonl":
        records = [json.loads(line) for line in r.stdout.splitlines()]
    elif fmt == "--csv":
        rows = list(csv.DictReader(io.StringIO(r.stdout)))
        records = [{k: int(v) if k in ("start", "end") and v else v for k, v in row.items()} for row in rows]
    if raw_len is not None:
        for rec in records:
            if "start" in rec and rec["start"] not in ("", None):
                assert 0 <= rec["start"] <= rec["end"] <= raw_len, rec


TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300) | st.lists(
    st.sampled_from(["一、", "（一）", "1.", "①", "一是", "二是", "第一，", "首先，", "。", "；", "\n", "“", "”",
                     "增长", "12.4%", "亿元", "百分之八", "区(qū)长", "时间:2020-01-01", "\u3000", "《", "》",
                     "两个一百年", "工业强区、产业富民、商贸兴埠", "*", "<p>", "&amp;"]),
    max_size=60).map("".join)


@pytest.mark.parametrize("command", COMMANDS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT, fmt=st.sampled_from(FORMATS))
def test_any_text(runner, tmp_path, command, text, fmt):
    data = text.encode("utf-8")
    r1, f = run_file(runner, tmp_path, data, command, fmt)
    raw_len = len(data.decode("utf-8")) if data.strip() else None
    check_output(r1, fmt, raw_len)
    r2, _ = run_file(runner, tmp_path, data, command, fmt)
    assert r2.stdout == r1.stdout and r2.exit_code == r1.exit_code  # deterministic


@pytest.mark.parametrize("command", COMMANDS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400), fmt=st.sampled_from(FORMATS))
def test_any_bytes(runner, tmp_path, command, data, fmt):
    r, _ = run_file(runner, tmp_path, data, command, fmt)
    check_output(r, fmt, None)
    if r.exit_code == 1:
        assert r.stderr.count("\n") == 1 and "input.txt" in r.stderr


def _seconds(runner, tmp_path, data: bytes, command: str) -> float:
    t = time.perf_counter()
    r, _ = run_file(runner, tmp_path, data, command, "--jsonl")
    dt = time.perf_counter() - t
    check_output(r, "--jsonl", None)
    return dt


ADVERSARIAL = {
    "repeated_heading_markers": lambda n: "一、" * n,
    "repeated_heading_lines": lambda n: "一、标题\n" * (n // 5),
    "huge_number": lambda n: "增长" + "1" * n + "%",
    "single_long_line": lambda n: ("内容。一是加强学习，二是改进作风；" * (n // 17 + 1))[:n],
    "unmatched_quotes": lambda n: "“" * n,
    "nested_parens": lambda n: "（" * n,
    "nul_bytes": lambda n: ("一、标题\x00正文。" * (n // 8 + 1))[:n],
    "percent_digits": lambda n: "百分之" + "八" * n,
    "dash_chain": lambda n: "3—" * (n // 2),
    "pinyin_like": lambda n: "區(qū" * (n // 5),
    "html_like": lambda n: "<p" * (n // 2),
}
# Inputs of SIZE and 4 * SIZE characters; linear time gives a ratio near 4. The bound is
# generous (machines are noisy) but far below the 16 of quadratic growth.
SIZE = 100_000
MAX_RATIO = 9.0
MIN_SECONDS = 0.05  # below this, timer noise dominates: only the absolute time is checked


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("case", sorted(ADVERSARIAL))
def test_adversarial_input_is_linear(runner, tmp_path, command, case):
    make = ADVERSARIAL[case]
    small_in = make(SIZE).encode("utf-8", "surrogatepass")
    large_in = make(4 * SIZE).encode("utf-8", "surrogatepass")
    for attempt in range(2):  # one re-measurement: a busy machine can stall any single run
        small = min(_seconds(runner, tmp_path, small_in, command) for _ in range(2))
        large = _seconds(runner, tmp_path, large_in, command)
        assert large < 60, f"{case}: {large:.1f} s for {4 * SIZE} characters"
        if small <= MIN_SECONDS or large / small < MAX_RATIO:
            return
    pytest.fail(f"{case}: {small:.2f} s for {SIZE} characters -> {large:.2f} s for {4 * SIZE}")


def test_file_that_switches_encoding_half_way(runner, tmp_path):
    data = "一、加强领导\n".encode("utf-8") + "二、狠抓落实\n".encode("gb18030")
    r, _ = run_file(runner, tmp_path, data, "outline", "--jsonl")
    check_output(r, "--jsonl", None)
    # decoded as GB18030 (the bytes are valid there); the file is analysed, not dropped
    assert r.exit_code == 0 and r.stdout


def test_lone_surrogates_from_python_text_are_handled():
    import speechkit

    doc = speechkit.load(text="一、\ud800标题\n二、\udfff结尾")
    assert [h.number for h in speechkit.outline(doc)] == [1, 2]


def test_directory_of_ten_thousand_tiny_files_completes(runner, tmp_path):
    d = tmp_path / "many"
    d.mkdir()
    for i in range(10_000):
        (d / f"{i:05d}.txt").write_text(f"一、标题{i}\n正文。\n二、结尾\n", encoding="utf-8")
    (d / "09999.txt").write_bytes(b"")  # one bad file among them
    r = runner.invoke(cli, ["outline", str(d), "--jsonl", "-j", "2"])
    assert r.exit_code == 1 and r.stderr.count("\n") == 1 and "09999.txt: file is empty" in r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) == 2 * 9_999
    assert json.loads(lines[0])["file"].endswith("00000.txt") and json.loads(lines[-1])["file"].endswith("09998.txt")


TEN_MB_SECONDS = 90  # generous: about 10 s for `analyze` on this machine


@pytest.fixture(scope="module")
def ten_mb_single_line(tmp_path_factory):
    """A real speech with its line breaks lost, repeated to 10 MB: one paragraph."""
    from tests.conftest import SAMPLES

    src = SAMPLES[-1].read_text(encoding="utf-8").replace("\n", "")
    text = src * (10_000_000 // len(src.encode("utf-8")) + 1)
    f = tmp_path_factory.mktemp("big") / "one-line.txt"
    f.write_text(text, encoding="utf-8")
    return f


@pytest.mark.parametrize("command", COMMANDS)
def test_ten_mb_single_line(runner, ten_mb_single_line, command):
    t = time.perf_counter()
    r = runner.invoke(cli, [command, str(ten_mb_single_line), "--jsonl"])
    took = time.perf_counter() - t
    assert r.exit_code == 0 and took < TEN_MB_SECONDS, (r.exit_code, took, r.stderr[-300:])
    if command in ("outline", "targets", "slogans", "analyze"):
        assert r.stdout.count("\n") > 10  # the speech was analysed, not dropped as boilerplate


EXACT_SIZES = {
    "two_million_digit_number": lambda: "今年投资增长" + "7" * 2_000_000 + "%。",
    "million_char_percent": lambda: "增长百分之" + "八" * 1_000_000 + "。",
    "two_hundred_thousand_headings": lambda: "一、" * 200_000,
    "three_hundred_thousand_quotes": lambda: "“" * 300_000,
    "hundred_thousand_nested_parens": lambda: "（" * 100_000,
}


@pytest.mark.parametrize("case", sorted(EXACT_SIZES))
@pytest.mark.parametrize("command", COMMANDS)
def test_issue_sized_adversarial_inputs(runner, tmp_path, command, case):
    """The sizes named in issue #6, through every command, each within a generous bound."""
    f = tmp_path / "input.txt"
    f.write_text(EXACT_SIZES[case](), encoding="utf-8")
    t = time.perf_counter()
    r = runner.invoke(cli, [command, str(f), "--jsonl"])
    took = time.perf_counter() - t
    check_output(r, "--jsonl", None)
    assert took < 30, f"{case}: {took:.1f} s"
    if case == "two_million_digit_number" and command == "targets":
        assert all(json.loads(line)["value"] is None or json.loads(line)["value"] < 1e20
                   for line in r.stdout.splitlines())  # never an absurd value with confidence
