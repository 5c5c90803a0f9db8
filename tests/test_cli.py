"""The command line: formats, options, help, exit codes, and what stays out of stdout."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from speechkit.cli import cli
from speechkit.records import FIELDS, table_fields
from tests.conftest import ROOT, SAMPLES

SAMPLE = str(SAMPLES[0])  # district-work-conference.trad


def invoke(runner, *args, **kw):
    r = runner.invoke(cli, list(args), catch_exceptions=False, **kw)
    return r.exit_code, r.stdout, r.stderr


def test_every_command_has_help_with_a_real_example(runner):
    for name, command in cli.commands.items():
        code, out, _ = invoke(runner, name, "--help")
        assert code == 0 and "Examples:" in out and f"speechkit {name}" in out, name


def test_version(runner):
    code, out, _ = invoke(runner, "--version")
    assert code == 0 and "speechkit" in out and "0." in out


def test_json_document(runner):
    code, out, err = invoke(runner, "outline", SAMPLE, "--json")
    doc = json.loads(out)
    assert code == 0 and err == ""
    assert doc["schema"] == "speechkit/1" and doc["command"] == "outline" and doc["errors"] == []
    [f] = doc["files"]
    assert f["file"] == SAMPLE and f["encoding"] == "utf-8"
    first = f["records"][0]
    assert set(first) == set(FIELDS["outline"])
    assert first["marker"] == "一、" and first["level"] == 1 and first["parent"] is None
    assert first["title"].startswith("認清形勢")


def test_json_reports_errors_in_the_document_too(runner, tmp_path):
    code, out, err = invoke(runner, "outline", SAMPLE, str(tmp_path / "nope.txt"), "--json")
    doc = json.loads(out)
    assert code == 1 and doc["errors"] == [{"file": str(tmp_path / "nope.txt"), "error": "no such file or directory"}]
    assert "nope.txt" in err


def test_jsonl_and_csv_carry_the_same_records(runner):
    _, jl, _ = invoke(runner, "outline", SAMPLE, "--jsonl")
    recs = [json.loads(line) for line in jl.splitlines()]
    _, cs, _ = invoke(runner, "outline", SAMPLE, "--csv")
    rows = list(csv.DictReader(io.StringIO(cs)))
    assert list(rows[0]) == table_fields("outline")  # FIELDS with page and paragraph after line
    assert len(rows) == len(recs) == 48
    for r, row in zip(recs, rows):
        assert row["title"] == r["title"] and int(row["start"]) == r["start"]
        assert row["inline"] == ("true" if r["inline"] else "false")
        assert row["parent"] == ("" if r["parent"] is None else str(r["parent"]))


def test_excel_csv_starts_with_a_bom(runner):
    _, out, _ = invoke(runner, "outline", SAMPLE, "--csv", "--excel")
    assert out.startswith("\ufefffile,")


def test_depth_and_script(runner):
    _, out, _ = invoke(runner, "outline", SAMPLE, "--jsonl", "--depth", "1", "--script", "simplified")
    recs = [json.loads(line) for line in out.splitlines()]
    assert [r["marker"] for r in recs] == ["一、", "二、", "三、"]
    assert recs[0]["title"].startswith("认清形势")
    _, out, _ = invoke(runner, "outline", str(SAMPLES[-1]), "--jsonl", "--depth", "1", "--script", "traditional")
    assert json.loads(out.splitlines()[0])["title"].startswith("回顧歷史")


def test_plain_text_when_piped(runner):
    code, out, _ = invoke(runner, "outline", SAMPLE)
    lines = out.splitlines()
    assert code == 0 and "\x1b[" not in out
    assert lines[0].startswith("一、認清形勢") and lines[1].startswith("  (1)經濟增長高位運行")


def test_clean_command(runner):
    code, out, _ = invoke(runner, "clean", str(SAMPLES[1]))
    assert code == 0 and "區長在經濟工作會議上講話" in out and "(q" not in out
    code, out, _ = invoke(runner, "clean", "--simplified", str(SAMPLES[1]))
    assert "区长在经济工作会议上讲话" in out


def test_output_file_is_written_atomically(runner, tmp_path):
    target = tmp_path / "out.json"
    code, out, _ = invoke(runner, "outline", SAMPLE, "--json", "-o", str(target))
    assert code == 0 and out == "" and json.loads(target.read_text(encoding="utf-8"))["files"]
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_output_file_left_untouched_when_the_run_breaks(runner, tmp_path, monkeypatch):
    import speechkit.render.as_json as as_json

    target = tmp_path / "out.json"
    target.write_text("previous", encoding="utf-8")

    def boom(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(as_json, "to_json", boom)
    result = runner.invoke(cli, ["outline", SAMPLE, "--json", "-o", str(target)])
    assert result.exit_code != 0
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


@pytest.mark.parametrize("args", [["outline"], ["outline", SAMPLE, "--depth", "0"], ["nosuchcommand"],
                                  ["outline", SAMPLE, "--script", "klingon"]])
def test_usage_errors_exit_2(runner, args):
    code, _, _ = invoke(runner, *args)
    assert code == 2


def test_trend_top_needs_slogans(runner):
    code, out, err = invoke(runner, "trend", SAMPLE, "--top", "3")
    assert code == 2 and out == "" and "--top goes with --slogans" in err
    code, out, _ = invoke(runner, "trend", *map(str, SAMPLES), "--slogans", "--top", "3", "--json")
    followed = {r["slogan"] for r in json.loads(out)["files"][0]["records"]}
    assert code == 0 and len(followed) == 3


def _cmd(*args, stdin=None):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT, env=env,
                          input=stdin, timeout=60)


def test_outline_does_not_import_jieba():
    code = ("import sys; from speechkit.cli import cli\n"
            "try:\n    cli.main(['outline', %r, '--jsonl'], standalone_mode=False)\n"
            "finally:\n    sys.stderr.write('JIEBA' if 'jieba' in sys.modules else 'NOJIEBA')\n") % SAMPLE
    p = _cmd("-c", code)
    assert p.stderr.strip().endswith("NOJIEBA"), p.stderr


def test_real_process_exit_codes_and_no_traceback(tmp_path):
    p = _cmd("-m", "speechkit", "outline", SAMPLE, str(tmp_path / "missing.txt"))
    assert p.returncode == 1 and "Traceback" not in p.stderr
    assert p.stderr.strip() == f"speechkit: error: {tmp_path / 'missing.txt'}: no such file or directory"
    p = _cmd("-m", "speechkit", "outline")
    assert p.returncode == 2 and "Traceback" not in p.stderr


def test_ctrl_c_exits_130_without_traceback():
    import signal
    import time

    # stdin is a pipe nobody writes to, so the process waits until interrupted
    p = subprocess.Popen([sys.executable, "-m", "speechkit", "outline", "-"], cwd=ROOT, stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(1.0)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=30)
    assert p.returncode == 130 and "Traceback" not in err and "interrupted" in err


def test_piping_into_head_ends_quietly():
    p = subprocess.run(f"{sys.executable} -m speechkit clean {ROOT / 'tests' / 'data' / 'corpora'} | head -1; "
                       "echo \"speechkit exit ${PIPESTATUS[0]}\"", shell=True, executable="/bin/bash",
                       capture_output=True, text=True, cwd=ROOT, timeout=60)
    lines = p.stdout.splitlines()
    assert len(lines) == 2 and lines[1] == "speechkit exit 0" and p.stderr == ""


def test_parallel_output_is_in_input_order_and_equal_to_serial(runner, tmp_path):
    files = []
    for i in range(24):
        sample = SAMPLES[i % len(SAMPLES)]
        f = tmp_path / f"{i:02d}.txt"
        f.write_bytes(sample.read_bytes() if i != 7 else b"")  # one bad file in the middle
        files.append(str(f))
    outs = {}
    for jobs in ("1", "2", "3"):
        code, out, err = invoke(runner, "outline", *files, "--jsonl", "-j", jobs)
        assert code == 1 and err.strip() == f"speechkit: error: {files[7]}: file is empty"
        outs[jobs] = out
    assert outs["1"] == outs["2"] == outs["3"]
    order = list(dict.fromkeys(json.loads(line)["file"] for line in outs["2"].splitlines()))
    assert order == [f for i, f in enumerate(files) if i != 7]


def test_unwritable_output_is_a_usage_error(runner, tmp_path):
    code, out, err = invoke(runner, "outline", SAMPLE, "-o", str(tmp_path / "no" / "such" / "dir" / "x.json"))
    assert code == 2 and out == "" and "cannot write here" in err


def test_progress_bar_goes_to_a_terminal_stderr_only(tmp_path):
    """With stderr on a terminal a long batch shows a bar there; stdout stays pure JSON Lines."""
    import pty

    for i in range(25):
        (tmp_path / f"{i:02d}.txt").write_text(SAMPLES[4].read_text(encoding="utf-8"), encoding="utf-8")
    master, slave = pty.openpty()
    p = subprocess.run([sys.executable, "-m", "speechkit", "outline", str(tmp_path), "--jsonl", "-j", "1"],
                       stdout=subprocess.PIPE, stderr=slave, cwd=ROOT, timeout=120)
    os.close(slave)
    seen = b""
    try:
        while chunk := os.read(master, 65536):
            seen += chunk
    except OSError:
        pass
    os.close(master)
    assert p.returncode == 0
    assert all(json.loads(line) for line in p.stdout.decode().splitlines())
    assert b"speechkit outline" in seen  # the bar's label, drawn on the terminal


def test_output_to_a_device_writes_through_and_keeps_the_device(runner, tmp_path):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    import threading

    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, encoding="utf-8").read()))
    reader.start()
    code, out, _ = invoke(runner, "outline", SAMPLE, "--jsonl", "-o", str(fifo))
    reader.join(30)
    assert code == 0 and out == "" and got and got[0].count("\n") == 48
    import stat

    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still a FIFO, not replaced by a file


def test_output_file_gets_normal_permissions(runner, tmp_path):
    target = tmp_path / "out.json"
    old = os.umask(0o022)
    try:
        invoke(runner, "outline", SAMPLE, "--json", "-o", str(target))
    finally:
        os.umask(old)
    assert oct(os.stat(target).st_mode & 0o777) == oct(0o644)


def test_jsonl_records_stay_one_line_even_with_unicode_line_separators(runner, tmp_path):
    f = tmp_path / "s.txt"
    f.write_text("一、加强\u2028领导\x85学习\n二、狠抓落实\u2029推进\n", encoding="utf-8")
    code, out, _ = invoke(runner, "outline", str(f), "--jsonl")
    assert code == 0 and len(out.splitlines()) == 2  # str.splitlines splits on U+2028/2029/0085
    assert json.loads(out.splitlines()[0])["title"] == "加强\u2028领导\x85学习"
