"""Packaged lexicons (YAML data, never literals in code), schema-checked, extended by user config.

Each ``<name>.yaml`` beside this file is described by an entry of ``SCHEMAS``. A user config
(``--config FILE`` or ``speechkit.yaml``) may hold a top-level key per lexicon name; its
lists are appended to the packaged ones and its mappings update them.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from speechkit.errors import ConfigError

REGEX = "regex"  # a string that must compile as a Python regular expression
OPT = "optional"

_RULES = [{"name": str, "pattern": REGEX, "requires": (OPT, [str])}]

SCHEMAS: dict[str, dict[str, Any]] = {
    # keywords (extractors/keywords.py, segment.py)
    "keywords": {"stop_words": [str], "user_words": [str], "min_length": int},
    # speech metadata (extractors/meta.py)
    "meta": {
        "roles": [str],
        "speech_words": [str],
        "title_max": int,
        "title_patterns": [REGEX],
        "venue_patterns": [REGEX],
        "name_pattern": REGEX,
        "role_line_max": int,
        "not_names": [str],
        "date_patterns": [REGEX],
        "source_patterns": [REGEX],
        "not_title_marks": str,
        # jurisdiction, year and type of text (extractors/jurisdiction.py, extractors/meta.py)
        "level_words": {str: str},
        "self_patterns": [REGEX],
        "self_min": int,
        "self_share": float,
        "body_min": int,
        "body_min_unanchored": int,
        "institution_pattern": REGEX,
        "name_suffixes": [str],
        "peoples": [str],
        "township_pattern": REGEX,
        "national_markers": [str],
        "national_name": str,
        "represent_pattern": REGEX,
        "doc_types": {str: [REGEX]},
        "doc_type_openings": {str: [REGEX]},
        "year_title": REGEX,
        "year_review": REGEX,
        "year_plan_heading": REGEX,
        "year_statement": REGEX,
        "year_statement_reach": int,
        "year_statement_this": [str],
        "year_statement_last": [str],
    },
    # statements without a figure, for speechkit panel (panel.py)
    "panel": {"qualitative_patterns": [REGEX], "absent_patterns": [REGEX], "target_cues": [str]},
    # slogans, watchwords, numbered formulas (extractors/slogans.py, extractors/parallel.py)
    "slogans": {
        "quotes": {str: str},
        "book_titles": {str: str},
        "numerals": str,
        "counters": str,
        "min_quoted": int,
        "set_phrases": [str],
        "max_quoted": int,
        "compact": [REGEX],
        "idioms": [str],
        "member_lead": [str],
        "named_counters": str,
        "formula_heads": [str],
        "formula_gap": [str],
        "formula_gap_fewer": [str],
        "generic_heads": [str],
        "generic_modifiers": [str],
        "separators": str,
        "clause_ends": str,
        "heading_clause_ends": str,
        "member_tails": str,
        "list_suffixes": [str],
        "list_prefixes": [str],
        "registry": {str: {"members": [str], "aliases": (OPT, [str])}},
        "weak_chars": str,
        "lead_verbs": [str],
        "compact_stop": str,
        "formula_shapes": [REGEX],
    },
    "cleaning": {"fold": str, "fold_to": str, "line_rule_max_chars": int, "widget_words": [str],
                 "promo_words": [str], "promo_line_max_chars": int, "related_block_max_lines": int,
                 "related_item_max_chars": int, "related_block_stop": REGEX, "line_rules": _RULES, "span_rules": _RULES,
                 "frequent_chars": str},
    "script": {"t2s_fixes": {str: str}, "mixed_ratio": float},
    # file readers (speechkit/readers/)
    "readers": {
        "pdf": {"page_number_patterns": [REGEX], "furniture_lines": int, "running_share": float,
                "radicals": {str: str}},
        "html": {"detect": REGEX, "drop_tags": [str], "boilerplate_tags": [str], "outer_tags": [str],
                 "boilerplate_roles": [str], "boilerplate_names": [str], "protect_share": float,
                 "boilerplate_cues": REGEX, "cue_max_chars": int, "link_density": float,
                 "main_share": float, "text_blocks": [str], "block_tags": [str], "cell_tags": [str],
                 "heading_tags": [str], "title_separators": REGEX},
    },
    "outline": {
        "boundary": str,
        "soft_boundary": str,
        "boundary_skip": str,
        "space_boundary": str,
        "styles": {str: {"pattern": REGEX, "rank": (OPT, int), "soft": (OPT, bool),
                         "sequence": (OPT, {str: int}), "glyphs": (OPT, str)}},
        "title_stop": str,
        "title_stop_comma_styles": [str],
        "title_max": int,
        "body_cues": [str],
        "body_cues_strong": [str],
        "standalone_max": int,
        "single_ok_styles": [str],
        "inline_single_ok_styles": [str],
        "single_ok_unranked": {str: str},
        "inline_single_boundary": str,
        "inline_single_not_before": str,
        "chunk_line_min": int,
        "sentence_end": str,
        "late_start_styles": [str],
        "wrap_line_min": int,
        "sentence_stop": str,
        "wrap_slack": int,
        "note_styles": [str],
        "note_pattern": REGEX,
        "sibling_gap_max": int,
    },
    # numeric targets (extractors/numbers.py, extractors/targets.py)
    "units": {
        "magnitudes": {str: int},
        "implicit_units": {str: str},
        "range_separators": str,
        "qualifiers_after": {str: str},
        "share_not_before": str,
        "units": {str: {"unit": str, "factor": (OPT, int), "classifier": (OPT, bool)}},
    },
    "indicators": {"indicators": {str: {"measure": str, "aliases": [str], "rate_aliases": (OPT, [str])}}},
    # names and units a reader sees in the HTML report (render/as_html.py)
    "display": {"growth": str, "qualifier_marks": {str: str}, "indicators": {str: str},
                "units": {str: {"label": str, "divisor": int}}},
    "targets": {
        "qualifiers": {str: {"before": [REGEX], "after": [REGEX]}},
        "bare_magnitude_prefix": [str],
        "growth": {"up": [REGEX], "down": [REGEX]},
        "ratio": [REGEX],
        "delta": [REGEX],
        "change_base": [REGEX],
        "modality": [REGEX],
        "kind": {str: [REGEX]},
        "period": [REGEX],
        "section": {str: [REGEX]},
        "skip_after": [REGEX],
        "skip_before": str,
        "distribute": [REGEX],
        "list_item": REGEX,
        "compare_units": [str],
        "growth_lead": [REGEX],
        "split_name_verbs": [REGEX],
        "split_name_gap": int,
        "from_to": {"start": [REGEX], "to": [REGEX]},
        "class_size_before": [str],
        "class_after": [REGEX],
        "population_after": [REGEX],
        "wrap_line_min": int,
        "prev_sentence_lead": REGEX,
        "prev_sentence_max": int,
        "breakdown_lead": [str],
        "per_unit_before": [REGEX],
        "rate_name": REGEX,
        "list_join": REGEX,
        "duration_before": [str],
        "duration_after": [str],
    },
}

# Language data shared by several extractors and the analysis: one home each (issue 15).
SCHEMAS.update({
    # the numeral table (speechkit/numerals.py: the one parser and writer of numbers)
    "numerals": {"digits": {str: int}, "units": {str: int}, "sections": {str: int}, "point": str,
                 "positional_zero": str, "financial": {str: str}, "traditional": {str: str}, "not_after_point": str,
                 "stems": str, "branches": str, "count_words": {str: int},
                 "masks": str, "mask_letters": str, "item_markers": [str]},
    # the year shape and the relative-year words (extractors/year.py)
    "years": {"year": REGEX, "relative": {str: int}, "whole_year": str},
    # where a sentence, a segment, a clause ends (speechkit/punctuation.py)
    "punctuation": {"sentence_end": str, "segment_end": str, "clause_end": str, "before_list": str,
                    "item_lead": str, "title_line_stops": str},
    # which figures stand for one year of an indicator across speeches (analysis/trend.py)
    "trend": {"average_words": [str], "share_words": [str]},
})
# Language data the code reads once at import (speechkit/numerals.py, punctuation.py,
# extractors/year.py, analysis/trend.py), the same for every run: a user config cannot
# extend them.
FIXED = frozenset({"numerals", "years", "punctuation", "trend"})


def _check(spec: Any, value: Any, file: str, key: str) -> None:
    if isinstance(spec, tuple) and spec[0] == OPT:
        if value is not None:
            _check(spec[1], value, file, key)
        return
    if spec == REGEX:
        if not isinstance(value, str):
            raise ConfigError(file, key, f"expected a regular expression string, got {type(value).__name__}")
        try:
            re.compile(value)
        except re.error as exc:
            raise ConfigError(file, key, f"regular expression does not compile: {exc}") from None
        from speechkit.regex_check import backtracking_problem

        problem = backtracking_problem(value)
        if problem is not None:
            raise ConfigError(file, key, problem)
    elif isinstance(spec, type):
        ok = isinstance(value, spec) and not (spec is int and isinstance(value, bool))
        if not ok:
            raise ConfigError(file, key, f"expected {spec.__name__}, got {type(value).__name__}")
    elif isinstance(spec, list):
        if not isinstance(value, list):
            raise ConfigError(file, key, f"expected a list, got {type(value).__name__}")
        for i, item in enumerate(value):
            _check(spec[0], item, file, f"{key}[{i}]")
    elif isinstance(spec, dict):
        if not isinstance(value, dict):
            raise ConfigError(file, key, f"expected a mapping, got {type(value).__name__}")
        [(k0, v0)] = spec.items() if len(spec) == 1 and isinstance(next(iter(spec)), type) else [(None, None)]
        if k0 is not None:  # a free mapping {keytype: valuespec}
            for k, v in value.items():
                _check(k0, k, file, f"{key}.{k}")
                _check(v0, v, file, f"{key}.{k}")
            return
        for k, v in value.items():
            if k not in spec:
                raise ConfigError(file, f"{key}.{k}".lstrip("."), f"unknown key (expected one of: {', '.join(spec)})")
            _check(spec[k], v, file, f"{key}.{k}".lstrip("."))


def validate(name: str, data: Any, file: str, partial: bool = False) -> None:
    """Check ``data`` against the schema of lexicon ``name``; ``partial`` for user extensions."""
    schema = SCHEMAS[name]
    if not isinstance(data, dict):
        raise ConfigError(file, name, "expected a mapping")
    _check(schema, data, file, "")
    if not partial:
        missing = [k for k, v in schema.items() if k not in data and not (isinstance(v, tuple) and v[0] == OPT)]
        if missing:
            raise ConfigError(file, missing[0], "missing key")


@lru_cache(maxsize=None)
def packaged(name: str) -> dict[str, Any]:
    """The packaged lexicon ``name``, validated."""
    path = f"speechkit/lexicons/{name}.yaml"
    text = resources.files("speechkit.lexicons").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    validate(name, data, path)
    return data


def merged(base: dict[str, Any], extra: dict[str, Any] | None) -> dict[str, Any]:
    """``base`` extended by ``extra``: lists appended, mappings updated, scalars replaced."""
    if not extra:
        return base
    out = dict(base)
    for k, v in extra.items():
        if isinstance(v, list) and isinstance(out.get(k), list):
            out[k] = [*out[k], *v]
        elif isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = {**out[k], **v}
        else:
            out[k] = v
    return out
