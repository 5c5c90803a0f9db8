"""Typed views of the lexicons: one frozen dataclass per lexicon, its fields the lexicon's
keys (``SCHEMAS`` in ``__init__.py``), so code reads ``lex.title_max`` rather than
``lex["title_max"]``: a misspelt key is an error a type checker (or the first call) reports,
and a reader sees each value's type beside its name.

A view is built from the lexicon as one run uses it (``Config.lexicon``: packaged data laid
under the user's ``--config`` extensions) by ``<View>.of(mapping)``: lists become tuples,
nested entries of a fixed shape (an outline style, a cleaning rule, a registry formula)
become dataclasses of their own, free mappings stay mappings. ``tests/test_lexicons.py``
checks that every lexicon has a view whose fields are exactly its schema's keys. What an
extractor compiles from a view (regexes, tables) is a frozen dataclass beside it
(``OutlineRules``, ``SloganRules``, ``CleaningRules``, ``MetaRules``, ``HtmlRules``).
"""
from __future__ import annotations

import dataclasses
import sys
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

V = TypeVar("V", bound="_View")


class _View:
    """Base of the views: ``of`` builds one from a validated mapping."""

    @classmethod
    def of(cls: type[V], data: Mapping[str, Any]) -> V:
        hints = _hints(cls)
        return cls(**{f.name: _convert(hints[f.name], data.get(f.name))
                      for f in dataclasses.fields(cls)  # type: ignore[arg-type]
                      if f.name in data or f.default is dataclasses.MISSING})


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    """The field annotations of ``cls``, resolved (once a class)."""
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls, vars(sys.modules[cls.__module__]))
    return _HINTS[cls]


def _convert(tp: Any, value: Any) -> Any:
    """``value`` (as YAML gives it) in the shape of the annotation ``tp``."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        tp = next(a for a in args if a is not type(None))
        origin, args = typing.get_origin(tp), typing.get_args(tp)
    if isinstance(tp, type) and issubclass(tp, _View):
        return tp.of(value)
    if origin is tuple:
        return tuple(_convert(args[0], v) for v in value)
    if origin is Mapping:
        return {k: _convert(args[1], v) for k, v in value.items()}
    return value


# cleaning.yaml (normalize/clean.py)
@dataclass(frozen=True)
class CleaningRule(_View):
    name: str
    pattern: str
    requires: tuple[str, ...] | None = None


@dataclass(frozen=True)
class CleaningLexicon(_View):
    fold: str
    fold_to: str
    line_rule_max_chars: int
    widget_words: tuple[str, ...]
    promo_words: tuple[str, ...]
    promo_line_max_chars: int
    related_block_max_lines: int
    related_item_max_chars: int
    related_block_stop: str
    line_rules: tuple[CleaningRule, ...]
    span_rules: tuple[CleaningRule, ...]
    frequent_chars: str = ""


# outline.yaml (extractors/outline.py)
@dataclass(frozen=True)
class OutlineStyle(_View):
    pattern: str
    rank: int | None = None
    soft: bool | None = None
    sequence: Mapping[str, int] | None = None
    glyphs: str | None = None


@dataclass(frozen=True)
class OutlineLexicon(_View):
    boundary: str
    soft_boundary: str
    boundary_skip: str
    space_boundary: str
    styles: Mapping[str, OutlineStyle]
    title_stop: str
    title_stop_comma_styles: tuple[str, ...]
    title_max: int
    body_cues: tuple[str, ...]
    body_cues_strong: tuple[str, ...]
    standalone_max: int
    single_ok_styles: tuple[str, ...]
    inline_single_ok_styles: tuple[str, ...]
    single_ok_unranked: Mapping[str, str]
    inline_single_boundary: str
    inline_single_not_before: str
    chunk_line_min: int
    sentence_end: str
    late_start_styles: tuple[str, ...]
    wrap_line_min: int
    sentence_stop: str
    wrap_slack: int
    note_styles: tuple[str, ...]
    note_pattern: str
    sibling_gap_max: int


# slogans.yaml (extractors/slogans.py, parallel.py, formula_members.py)
@dataclass(frozen=True)
class RegistryFormula(_View):
    members: tuple[str, ...]
    aliases: tuple[str, ...] | None = None


@dataclass(frozen=True)
class SlogansLexicon(_View):
    quotes: Mapping[str, str]
    book_titles: Mapping[str, str]
    numerals: str
    counters: str
    min_quoted: int
    set_phrases: tuple[str, ...]
    max_quoted: int
    compact: tuple[str, ...]
    idioms: tuple[str, ...]
    member_lead: tuple[str, ...]
    named_counters: str
    formula_heads: tuple[str, ...]
    formula_gap: tuple[str, ...]
    formula_gap_fewer: tuple[str, ...]
    generic_heads: tuple[str, ...]
    generic_modifiers: tuple[str, ...]
    separators: str
    clause_ends: str
    heading_clause_ends: str
    member_tails: str
    list_suffixes: tuple[str, ...]
    list_prefixes: tuple[str, ...]
    registry: Mapping[str, RegistryFormula]
    weak_chars: str
    lead_verbs: tuple[str, ...]
    compact_stop: str
    formula_shapes: tuple[str, ...]


# meta.yaml (extractors/meta.py, jurisdiction.py, year.py)
@dataclass(frozen=True)
class MetaLexicon(_View):
    roles: tuple[str, ...]
    speech_words: tuple[str, ...]
    title_max: int
    title_patterns: tuple[str, ...]
    venue_patterns: tuple[str, ...]
    name_pattern: str
    role_line_max: int
    not_names: tuple[str, ...]
    date_patterns: tuple[str, ...]
    source_patterns: tuple[str, ...]
    not_title_marks: str
    level_words: Mapping[str, str]
    self_patterns: tuple[str, ...]
    self_min: int
    self_share: float
    body_min: int
    body_min_unanchored: int
    institution_pattern: str
    name_suffixes: tuple[str, ...]
    peoples: tuple[str, ...]
    township_pattern: str
    national_markers: tuple[str, ...]
    national_name: str
    represent_pattern: str
    doc_types: Mapping[str, tuple[str, ...]]
    doc_type_openings: Mapping[str, tuple[str, ...]]
    year_title: str
    year_review: str
    year_plan_heading: str
    year_statement: str
    year_statement_reach: int
    year_statement_this: tuple[str, ...]
    year_statement_last: tuple[str, ...]


# keywords.yaml (extractors/keywords.py, segment.py)
@dataclass(frozen=True)
class KeywordsLexicon(_View):
    stop_words: tuple[str, ...]
    user_words: tuple[str, ...]
    min_length: int


# readers.yaml (readers/pdf.py, readers/html.py)
@dataclass(frozen=True)
class PdfReaderLexicon(_View):
    page_number_patterns: tuple[str, ...]
    furniture_lines: int
    running_share: float
    radicals: Mapping[str, str]


@dataclass(frozen=True)
class HtmlReaderLexicon(_View):
    detect: str
    drop_tags: tuple[str, ...]
    boilerplate_tags: tuple[str, ...]
    outer_tags: tuple[str, ...]
    boilerplate_roles: tuple[str, ...]
    boilerplate_names: tuple[str, ...]
    protect_share: float
    boilerplate_cues: str
    cue_max_chars: int
    link_density: float
    main_share: float
    text_blocks: tuple[str, ...]
    block_tags: tuple[str, ...]
    cell_tags: tuple[str, ...]
    heading_tags: tuple[str, ...]
    title_separators: str


@dataclass(frozen=True)
class ReadersLexicon(_View):
    pdf: PdfReaderLexicon
    html: HtmlReaderLexicon


# script.yaml (normalize/script.py)
@dataclass(frozen=True)
class ScriptLexicon(_View):
    t2s_fixes: Mapping[str, str]
    mixed_ratio: float


# panel.yaml (analysis/panel.py)
@dataclass(frozen=True)
class PanelLexicon(_View):
    qualitative_patterns: tuple[str, ...]
    absent_patterns: tuple[str, ...]
    target_cues: tuple[str, ...]


# display.yaml (render/as_html.py)
@dataclass(frozen=True)
class DisplayUnit(_View):
    label: str
    divisor: int


@dataclass(frozen=True)
class DisplayLexicon(_View):
    growth: str
    qualifier_marks: Mapping[str, str]
    indicators: Mapping[str, str]
    units: Mapping[str, DisplayUnit]


# units.yaml, indicators.yaml, targets.yaml (extractors/numbers.py, targets.py, target_cues.py,
# target_lists.py; analysis/panel.py and cli.py read the indicators). Not yet read through
# these views by the target extractors, which still index the mappings.
@dataclass(frozen=True)
class Unit(_View):
    unit: str
    factor: int | None = None
    classifier: bool | None = None


@dataclass(frozen=True)
class UnitsLexicon(_View):
    magnitudes: Mapping[str, int]
    implicit_units: Mapping[str, str]
    range_separators: str
    qualifiers_after: Mapping[str, str]
    share_not_before: str
    units: Mapping[str, Unit]


@dataclass(frozen=True)
class Indicator(_View):
    measure: str
    aliases: tuple[str, ...]
    rate_aliases: tuple[str, ...] | None = None  # names it has only before a percentage


@dataclass(frozen=True)
class IndicatorsLexicon(_View):
    indicators: Mapping[str, Indicator]


@dataclass(frozen=True)
class Qualifier(_View):
    before: tuple[str, ...]
    after: tuple[str, ...]


@dataclass(frozen=True)
class Growth(_View):
    up: tuple[str, ...]
    down: tuple[str, ...]


@dataclass(frozen=True)
class FromTo(_View):
    start: tuple[str, ...]
    to: tuple[str, ...]


@dataclass(frozen=True)
class TargetsLexicon(_View):
    qualifiers: Mapping[str, Qualifier]
    bare_magnitude_prefix: tuple[str, ...]
    growth: Growth
    ratio: tuple[str, ...]
    delta: tuple[str, ...]
    change_base: tuple[str, ...]
    modality: tuple[str, ...]
    kind: Mapping[str, tuple[str, ...]]
    period: tuple[str, ...]
    section: Mapping[str, tuple[str, ...]]
    skip_after: tuple[str, ...]
    skip_before: str
    distribute: tuple[str, ...]
    list_item: str
    compare_units: tuple[str, ...]
    growth_lead: tuple[str, ...]
    split_name_verbs: tuple[str, ...]
    split_name_gap: int
    from_to: FromTo
    class_size_before: tuple[str, ...]
    class_after: tuple[str, ...]
    population_after: tuple[str, ...]
    wrap_line_min: int
    prev_sentence_lead: str
    prev_sentence_max: int
    breakdown_lead: tuple[str, ...]
    per_unit_before: tuple[str, ...]
    rate_name: str
    list_join: str
    duration_before: tuple[str, ...]
    duration_after: tuple[str, ...]


# lexicon name -> its view
VIEWS: dict[str, type[_View]] = {"cleaning": CleaningLexicon, "outline": OutlineLexicon, "slogans": SlogansLexicon,
                                 "meta": MetaLexicon, "keywords": KeywordsLexicon, "readers": ReadersLexicon,
                                 "script": ScriptLexicon, "panel": PanelLexicon, "display": DisplayLexicon,
                                 "units": UnitsLexicon, "indicators": IndicatorsLexicon, "targets": TargetsLexicon}
