"""Lexicons are data: every packaged YAML file is schema-checked, and users extend them."""
from __future__ import annotations

import re
from importlib import resources

import pytest
import yaml

from speechkit import lexicons
from speechkit.cli import cli
from speechkit.config import load_config
from speechkit.errors import ConfigError
from speechkit.lexicons.typed import VIEWS
from speechkit.numerals import count, parse_int
from tests.conftest import SAMPLES

PACKAGED = sorted(p.name[:-5] for p in resources.files("speechkit.lexicons").iterdir() if p.name.endswith(".yaml"))


def test_every_lexicon_file_has_a_schema_and_passes_it():
    assert PACKAGED and set(PACKAGED) == set(lexicons.SCHEMAS)
    for name in PACKAGED:
        lexicons.packaged(name)  # raises ConfigError on any violation


@pytest.mark.parametrize("name", PACKAGED)
def test_schema_rejects_wrong_types(name):
    data = dict(lexicons.packaged(name))
    key = next(iter(data))
    data[key] = object()
    with pytest.raises(ConfigError, match=key):
        lexicons.validate(name, data, "broken.yaml")


def write(tmp_path, text: str):
    p = tmp_path / "speechkit.yaml"
    p.write_text(text, encoding="utf-8")
    return str(p)


@pytest.mark.parametrize("text,key,reason", [
    ("cleaning: [1, 2", "", "not valid YAML"),
    ("nonsense: {}", "nonsense", "unknown section"),
    ("cleaning:\n  line_rules: {name: x}", "line_rules", "expected a list"),
    ("cleaning:\n  line_rules:\n    - {name: x, pattern: '(unclosed'}", "line_rules[0].pattern", "does not compile"),
    ("cleaning:\n  span_rules:\n    - {name: x, pattern: 'a', colour: red}", "span_rules[0].colour", "unknown key"),
    ("outline:\n  title_max: long", "title_max", "expected int"),
    ("outline:\n  chunk_line_min: wide", "chunk_line_min", "expected int"),
    ("outline:\n  late_start_styles: yi_shi", "late_start_styles", "expected a list"),
    ("outline:\n  styles:\n    x: {pattern: 'a', glyphs: 3}", "glyphs", "expected str"),
    ("- just\n- a list", "", "expected a mapping"),
])
def test_config_errors_name_file_and_key(tmp_path, text, key, reason):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as exc:
        load_config(path)
    assert str(exc.value).startswith(path) and key in str(exc.value) and reason in str(exc.value)


def test_broken_config_exits_2_with_one_line(runner, tmp_path):
    path = write(tmp_path, "outline:\n  title_max: long")
    r = runner.invoke(cli, ["outline", str(SAMPLES[0]), "--config", path])
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.strip() == f"speechkit: error: {path}: title_max: expected int, got str"


def test_user_config_extends_cleaning_rules(runner, tmp_path):
    path = write(tmp_path, "cleaning:\n  line_rules:\n    - {name: site_footer, pattern: '欢迎关注本栏目'}\n")
    text = tmp_path / "s.txt"
    text.write_text("一、正文标题\n欢迎关注本栏目 每日更新\n", encoding="utf-8")
    r = runner.invoke(cli, ["clean", str(text), "--config", path])
    assert r.exit_code == 0 and "本栏目" not in r.stdout and "正文标题" in r.stdout
    r = runner.invoke(cli, ["clean", str(text)])
    assert "本栏目" in r.stdout  # the packaged rules alone keep it


def test_speechkit_yaml_in_working_directory_is_picked_up(runner, tmp_path, monkeypatch):
    write(tmp_path, "outline:\n  styles:\n    dash_item: {pattern: '(?P<num>[一二三四五六七八九十]{1,3})则'}\n")
    text = tmp_path / "s.txt"
    text.write_text("总论。\n一则加强学习。\n二则改进作风。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = runner.invoke(cli, ["outline", "s.txt", "--jsonl"])
    assert r.exit_code == 0 and r.stdout.count('"style": "dash_item"') == 2


def test_lexicon_files_parse_as_plain_yaml():
    for name in PACKAGED:
        text = resources.files("speechkit.lexicons").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
        assert isinstance(yaml.safe_load(text), dict)


def test_user_config_adds_an_indicator_and_a_stop_word(runner, tmp_path):
    path = write(tmp_path, "indicators:\n  indicators:\n"
                           "    tourism_revenue: {measure: level, aliases: [旅游总收入, 旅游收入]}\n"
                           "keywords:\n  stop_words: [旅游]\n")
    text = tmp_path / "s.txt"
    text.write_text("今年全区旅游总收入力争达到12亿元，增长15%。旅游是我区的支柱产业，旅游兴区。\n", encoding="utf-8")
    r = runner.invoke(cli, ["targets", str(text), "--jsonl", "--config", path])
    import json

    recs = [json.loads(line) for line in r.stdout.splitlines()]
    assert r.exit_code == 0 and recs[0]["indicator"] == "tourism_revenue"
    assert recs[0]["value"] == 1_200_000_000 and recs[0]["growth"] == 15
    r = runner.invoke(cli, ["targets", str(text), "--jsonl"])
    assert json.loads(r.stdout.splitlines()[0])["indicator"] == "other"  # without the config
    r = runner.invoke(cli, ["keywords", str(text), "--jsonl", "--config", path])
    assert r.exit_code == 0 and "旅游" not in [json.loads(line)["keyword"] for line in r.stdout.splitlines()]


def _schema_shape(spec):
    """A schema entry as nested key sets: fixed-key mappings give their keys, the rest None."""
    if isinstance(spec, tuple):
        return _schema_shape(spec[1])
    if isinstance(spec, list):
        return _schema_shape(spec[0])
    if isinstance(spec, dict):
        if len(spec) == 1 and isinstance(next(iter(spec)), type):
            return _schema_shape(next(iter(spec.values())))
        return {k: _schema_shape(v) for k, v in spec.items()}
    return None


def _view_shape(tp):
    import dataclasses
    import typing

    from speechkit.lexicons.typed import _hints, _View
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    if isinstance(tp, type) and issubclass(tp, _View):
        hints = _hints(tp)
        return {f.name: _view_shape(hints[f.name]) for f in dataclasses.fields(tp)}
    if args:
        return _view_shape(args[-1] if typing.get_origin(tp) is not tuple else args[0])
    return None


def test_every_lexicon_has_a_typed_view():
    # the fixed lexicons (numerals, years, punctuation, trend) are read once at import by
    # their one module (speechkit/numerals.py, punctuation.py, extractors/year.py, analysis/trend.py)
    assert set(VIEWS) == set(lexicons.SCHEMAS) - lexicons.FIXED


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_typed_view_has_exactly_the_schema_keys(name):
    """A lexicon's dataclass view (lexicons/typed.py) names every key of its schema and no
    other, down through nested fixed-key entries (outline styles, cleaning rules), and is
    built from the packaged lexicon."""
    assert _view_shape(VIEWS[name]) == _schema_shape(lexicons.SCHEMAS[name])
    view = VIEWS[name].of(lexicons.packaged(name))
    first = next(iter(lexicons.packaged(name)))
    assert getattr(view, first) is not None


def test_typed_view_carries_user_extensions(tmp_path):
    """--config extends the lexicon the view is built from: appended lists, updated mappings."""
    from speechkit.lexicons.typed import CleaningLexicon, OutlineLexicon
    cfg = load_config(write(tmp_path, "cleaning:\n  widget_words: [自造按钮]\n  line_rules:\n"
                                      "    - {name: mine, pattern: '^本页完$'}\n"
                                      "outline:\n  title_max: 99\n"))
    clean = CleaningLexicon.of(cfg.lexicon("cleaning"))
    assert clean.widget_words[-1] == "自造按钮" and clean.line_rules[-1].name == "mine"
    assert clean.line_rules[-1].requires is None and isinstance(clean.widget_words, tuple)
    out = OutlineLexicon.of(cfg.lexicon("outline"))
    assert out.title_max == 99 and out.styles["cn_dun"].rank == 1
def test_numeral_table_is_consistent():
    """lexicons/numerals.yaml: every digit 0–9 once or more, units and sections powers of ten,
    no character in two roles, and the other forms fold onto characters of the table."""
    lex = lexicons.packaged("numerals")
    digits, units, sections = lex["digits"], lex["units"], lex["sections"]
    assert set(digits.values()) == set(range(10))
    assert sorted(units.values()) == [10, 100, 1000] and sorted(sections.values()) == [10**4, 10**8]
    table = {**digits, **units, **sections}
    assert len(table) == len(digits) + len(units) + len(sections) and lex["point"] not in table
    for forms in (lex["financial"], lex["traditional"]):
        assert not set(forms) & set(table)
        assert all(v in table or v == lex["point"] for v in forms.values())
    assert len(set(lex["financial"].values())) == len(lex["financial"]) and digits[lex["positional_zero"]] == 0
    assert set(lex["not_after_point"]) <= set(digits) and not set(lex["count_words"]) & set(table)


def test_numeral_classes_of_other_lexicons_are_numerals():
    """The character classes other lexicons write numerals with hold only numerals of the table
    (or ASCII digits and the count words), so the one parser reads all they match."""
    assert all(count(c) is not None or parse_int(c) is not None for c in lexicons.packaged("slogans")["numerals"])
    for name, spec in lexicons.packaged("outline")["styles"].items():
        m = re.search(r"\(\?P<num>\[([^\]]+)\]", spec["pattern"])
        if m and "\\d" not in m.group(1) and not spec.get("glyphs"):
            assert all(parse_int(c) is not None for c in m.group(1)), name


def test_punctuation_levels_do_not_overlap():
    lex = lexicons.packaged("punctuation")
    levels = [set(lex[k]) for k in ("sentence_end", "segment_end", "clause_end")]
    assert all(levels) and sum(map(len, levels)) == len(set().union(*levels)) and "\n" not in set().union(*levels)


def test_year_words_name_years():
    lex = lexicons.packaged("years")
    assert re.fullmatch(lex["year"], "1954") and re.fullmatch(lex["year"], "2025") and not re.fullmatch(lex["year"], "1899")
    assert 0 in lex["relative"].values() and -1 in lex["relative"].values()
    assert lex["whole_year"] not in lex["relative"]


@pytest.mark.parametrize("name", sorted(lexicons.FIXED))
def test_fixed_lexicons_cannot_be_extended(tmp_path, name):
    key = next(iter(lexicons.packaged(name)))
    path = write(tmp_path, f"{name}:\n  {key}: x\n")
    with pytest.raises(ConfigError, match="fixed language data"):
        load_config(path)
