"""Terminal views (issue 14, items 2 and 4): 80-column tables that never break a number,
colour that means something (and NO_COLOR / --color), the progress bar beside output on a
pseudo-terminal, bars on one scale, shell completion."""
from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from speechkit.render.as_text import TextRenderer
from speechkit.render.trend_cells import trend_blocks

SPEECHKIT = str(Path(sys.executable).parent / "speechkit")
SPEECH = "一、总体要求\n今年地区生产总值增长8%左右，固定资产投资完成123456789亿元。\n二、主要任务\n"


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def _target(**kw):
    rec = dict(line=35, kind="target", indicator="fixed_asset_investment", masked=False, value=123456789012345,
               value_max=None, unit="CNY", growth=12.4, growth_max=None, qualifier="approx", modality="预期",
               period_text="今年", text="固定资产投资完成一百二十三万四千五百六十七亿元以上，增长百分之十二点四，主要指标全面完成")
    return {**rec, **kw}


def render(command: str, records: list[dict], color: str = "never", width: int = 80) -> str:
    from rich.console import Console

    out = Tty()
    r = TextRenderer(out, command, {"color": color})
    r.console = Console(file=out, width=width, force_terminal=True, no_color=color == "never", highlight=False)
    r.add("samples/a-rather-long-file-name-for-a-district-work-conference-2015.trad.txt", "utf-8", records)
    return out.getvalue()


def test_80_columns_never_break_a_number_and_fold_the_text():
    out = re.sub(r"\x1b\[[0-9;]*m", "", render("targets", [_target(), _target(line=7, text="短")]))
    lines = out.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert any("123,456,789,012,345" in line for line in lines)  # the long number is on one line
    assert "samples/a-rather-long-file-name-for-a-district-work-conference-2015.trad.txt" in out  # title whole
    assert "主要指" in out.replace(" ", "") or "主要指标" in out  # the text column folds, nothing is cut off
    text = "".join(line.rstrip().split(" ")[-1] for line in lines[3:])
    assert "全面完成" in text


def test_colour_means_target_or_actual_and_never_means_none():
    coloured = render("targets", [_target(), _target(kind="actual")], color="always", width=160)
    assert "\x1b[36mtarget" in coloured and "\x1b[32mactual" in coloured
    plain = render("targets", [_target()], color="never", width=160)
    assert "\x1b[36m" not in plain and "\x1b[32m" not in plain


def test_empty_table_on_a_terminal_is_one_stderr_line(capsys):
    out = render("targets", [])
    assert out == "" and capsys.readouterr().err.count("\n") == 1


@pytest.mark.parametrize("env, flag, coloured", [
    ({}, "always", True), ({"NO_COLOR": "1"}, "auto", False), ({}, "never", False),
])
def test_color_option_and_no_color(tmp_path, env, flag, coloured):
    f = tmp_path / "a.txt"
    f.write_text(SPEECH, encoding="utf-8")
    p = subprocess.run([SPEECHKIT, "targets", str(f), "--all", "--color", flag], capture_output=True, text=True,
                       env={**os.environ, "COLUMNS": "120", **env}, timeout=60)
    assert p.returncode == 0 and ("\x1b[" in p.stdout) == coloured, p.stdout
    if flag == "always":
        assert "gdp" in p.stdout and "file\tline" not in p.stdout  # a table, not TSV


def test_trend_bars_keep_percent_and_yuan_apart():
    def row(period, growth=None, value=None, unit=None):
        return dict(indicator="gdp", period=period, value=value, value_max=None, growth=growth, growth_max=None,
                    unit=unit, qualifier="approx", actual_value=None, actual_value_max=None, actual_growth=None,
                    actual_growth_max=None, actual_unit=None, file="a.txt", line=1, actual_file=None,
                    actual_line=None)

    (_, rows), = trend_blocks([row(2021, growth=6), row(2022, growth=5), row(2023, value=1.2e13, unit="CNY")])
    bars = [r[3] for r in rows]
    assert bars[0].count("█") > bars[1].count("█") > 0 and bars[2] == ""  # the amount is not on the % scale


def _screen(data: str) -> list[str]:
    """A tiny terminal: what stays on screen after carriage returns, cursor-up and erase-line."""
    lines, row, col = [""], 0, 0
    for token in re.findall(r"\x1b\[[0-9;?]*[A-Za-z]|\r|\n|[^\x1b\r\n]", data):
        if token == "\n":
            row, col = row + 1, 0
            lines += [""] * (row + 1 - len(lines))
        elif token == "\r":
            col = 0
        elif token.endswith("A") and token.startswith("\x1b["):
            row = max(0, row - int(token[2:-1] or 1))
        elif token.endswith("K") and token.startswith("\x1b["):
            lines[row] = lines[row][:col] if token[2:-1] in ("", "0") else ""
        elif not token.startswith("\x1b"):
            lines[row] = lines[row][:col].ljust(col) + token + lines[row][col + 1:]
            col += 1
    return lines


def test_progress_bar_leaves_no_frames_in_output_on_a_pty(tmp_path):
    import pty
    import select

    for i in range(24):
        (tmp_path / f"s{i:02}.txt").write_text(SPEECH.replace("8%", f"{i % 9 + 1}%"), encoding="utf-8")
    master, slave = pty.openpty()
    p = subprocess.Popen([SPEECHKIT, "outline", str(tmp_path), "-j", "1"], stdout=slave, stderr=slave,
                         env={**os.environ, "COLUMNS": "100", "TERM": "xterm"}, close_fds=True)
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            p.kill()
            pytest.fail("no output from speechkit on the pty within 60 s")
        try:
            data = os.read(master, 65536)
        except OSError:  # the child closed the pty
            break
        if not data:
            break
        chunks.append(data)
    assert p.wait(timeout=30) == 0
    raw = b"".join(chunks).decode("utf-8", "replace")
    assert "━" in raw  # the bar was drawn while the results printed ...
    screen = [line for line in _screen(raw) if line.strip()]
    assert not any("speechkit outline" in line or "━" in line for line in screen), screen  # ... and left none
    assert sum("总体要求" in line for line in screen) == 24


def complete(words: list[str], tmp_path: Path) -> list[str]:
    env = {**os.environ, "_SPEECHKIT_COMPLETE": "bash_complete", "COMP_WORDS": " ".join(words),
           "COMP_CWORD": str(len(words) - 1)}
    p = subprocess.run([SPEECHKIT], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)
    assert p.returncode == 0, p.stderr
    return p.stdout.splitlines()


def test_completion_of_indicators_kinds_and_files(tmp_path):
    assert "plain,gdp" in complete(["speechkit", "targets", "--indicator", "gd"], tmp_path)
    items = complete(["speechkit", "targets", "--indicator", "gdp,unem"], tmp_path)
    assert "plain,gdp,unemployment_rate" in items
    assert complete(["speechkit", "targets", "--kind", "ac"], tmp_path) == ["plain,actual"]
    assert complete(["speechkit", "trend", "--indicator", "cp"], tmp_path) == ["plain,cpi"]
    assert complete(["speechkit", "outline", "spe"], tmp_path) == ["file,spe"]  # the shell lists the files


def test_a_narrow_table_keeps_its_title_whole():
    out = re.sub(r"\x1b\[[0-9;]*m", "", render("keywords", [dict(keyword="发展", weight=0.5, count=3)]))
    assert out.splitlines()[0] == "samples/a-rather-long-file-name-for-a-district-work-conference-2015.trad.txt"
