"""The targets lexicon compiled for one run (``TargetRules``), and what one ``targets`` call
knows about its document (``TargetContext``): a helper of ``targets``, ``target_cues`` and
``target_lists``, so that they share typed rules instead of string-keyed dicts."""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable

from speechkit.config import Config
from speechkit.extractors.gate import gated
from speechkit.extractors.numbers import ReaderRules, compile_reader
from speechkit.extractors.year import RELATIVE_YEARS, YEAR
from speechkit.model import Document, Heading


@dataclass(frozen=True)
class TargetRules:
    """targets.yaml, units.yaml and indicators.yaml as compiled for one run (``Config.compiled``)."""
    reader: ReaderRules  # the number reader (numbers.compile_reader)
    bare: tuple[str, ...]  # words a bare magnitude may follow (近亿, 超万)
    alias: re.Pattern[str]  # every indicator alias, longest first
    wrap: re.Pattern[str]  # a line break that is a hard wrap inside a sentence
    alias_to_id: Mapping[str, str]  # alias -> indicator id
    rate_only: frozenset[str]  # aliases that name their indicator only before a percentage (服务业)
    measure: Mapping[str, str]  # indicator id -> its measure (level, share, …)
    qual_before: re.Pattern[str]  # qualifier words before a number, one group per qualifier
    qual_after: Mapping[str, re.Pattern[str]]  # qualifier -> its words after a number
    growth: re.Pattern[str]
    ratio: re.Pattern[str]
    delta: re.Pattern[str]
    delta_down: re.Pattern[str]
    change_base: re.Pattern[str]
    modality: re.Pattern[str]
    kind: re.Pattern[str]  # the kind cues: plan share, a year, an achieved period, target and actual words
    other: re.Pattern[str]
    soft_target: re.Pattern[str]
    so_far: re.Pattern[str]
    plan_share: re.Pattern[str]
    weak: re.Pattern[str]
    period: re.Pattern[str]
    relative: Mapping[str, int]  # relative-year word -> offset (lexicons/years.yaml)
    section: Mapping[str, re.Pattern[str]]  # section-heading cues, by kind
    skip_after: re.Pattern[str]
    skip_before: str
    distribute: re.Pattern[str]
    compare_units: frozenset[str]
    class_before: tuple[str, ...]
    duration_before: tuple[str, ...]
    duration_after: tuple[str, ...]
    class_after: re.Pattern[str]
    population_after: re.Pattern[str]  # after a count of people: the people of a speech (14亿人民)
    prev_sentence_lead: re.Pattern[str]  # a sentence that opens with its figure (达到3000元)
    prev_sentence_max: int  # how long the sentence before it may be to name its indicator
    breakdown_lead: tuple[str, ...]  # a sentence opening with one (其中) breaks down the one before
    per_unit_before: re.Pattern[str]  # ends right before a number that is a rate's unit (每千人口)
    rate_name: re.Pattern[str]  # a rate the clause names with no alias (森林覆盖率)
    list_join: re.Pattern[str]  # between two figures of one list (15%、18%)
    from_word: re.Pattern[str]
    to_gap: re.Pattern[str]
    split_verb: re.Pattern[str]
    split_gap: int
    by_suffix: Mapping[str, list[tuple[str, str]]]  # every way to cut an alias in two (工业 + 增加值)
    growth_lead: re.Pattern[str]
    year_rx: re.Pattern[str]  # a year before 年, not in a 到/至 range
    bullets: re.Pattern[str]


class _Aliases(dict):  # type: ignore[type-arg]
    """alias -> indicator id; an alias matched across a hard wrap (投⏎资) is looked up without it."""

    def __missing__(self, key: str) -> str:
        if "\n" in key:
            return self[key.replace("\n", "")]
        raise KeyError(key)


Sections = tuple[list[Heading], list[int], dict[int, Heading]]


@dataclass(frozen=True)
class TargetContext:
    """One ``targets`` call: the document, the year it speaks from, and its outline — a list,
    or a function that computes it, called only when a statement's kind is left to its
    section (``sections`` is worked out on first use)."""
    doc: Document
    config: Config
    year: int | None
    outline: "list[Heading] | Callable[[], list[Heading]]"
    section_periods: dict[Any, Any] = field(default_factory=dict)  # target_cues._section_period's cache

    @cached_property
    def sections(self) -> Sections:
        """The outline's headings, their start offsets, and heading id -> heading."""
        heads = self.outline() if callable(self.outline) else self.outline
        return heads, [h.marker_span[0] for h in heads], {h.id: h for h in heads}


def _alt(patterns: Any) -> str:
    return "|".join(sorted(patterns, key=len, reverse=True))


def compile_rules(config: Config) -> TargetRules:
    lex = config.lexicon("targets")
    inds = config.lexicon("indicators")["indicators"]
    alias_to_id = {a: i for i, spec in inds.items() for a in spec["aliases"]}
    rate_only = {a: i for i, spec in inds.items() for a in spec.get("rate_aliases") or () if a not in alias_to_id}
    alias_to_id.update(rate_only)
    quals = lex["qualifiers"]
    kind = lex["kind"]
    year = rf"(?P<to>到|至)?(?P<year>{YEAR})(?=年|[,，])"
    return TargetRules(
        reader=compile_reader(config),
        bare=tuple(lex["bare_magnitude_prefix"]),
        # an alias may be cut by a hard line wrap (投⏎资): its match then holds the line break
        alias=re.compile(_alt("\n?".join(map(re.escape, a)) for a in alias_to_id)),
        alias_to_id=_Aliases(alias_to_id),
        rate_only=frozenset(rate_only),
        # a hard wrap: a line of wrap_line_min characters or more cut between two Han characters
        # (the look-behinds after the \n, so the engine skips from one line break to the next)
        wrap=re.compile(rf"\n(?<=[\u4e00-\u9fff]\n)(?<=[^\n]{{{lex['wrap_line_min']}}}\n)(?=[\u4e00-\u9fff])"),
        measure={i: spec["measure"] for i, spec in inds.items()},
        qual_before=gated("|".join(f"(?P<{k}>{_alt(v['before'])})" for k, v in quals.items())),
        qual_after={k: re.compile(_alt(v["after"])) for k, v in quals.items()},
        growth=gated(f"(?P<up>{_alt(lex['growth']['up'])})|(?P<down>{_alt(lex['growth']['down'])})"),
        ratio=gated(_alt(lex["ratio"])),
        delta=gated(_alt(lex["delta"])),
        delta_down=gated(_alt(lex["growth"]["down"])),
        change_base=gated(_alt(lex["change_base"])),
        modality=gated(_alt(lex["modality"])),
        kind=gated(f"(?P<plan>{_alt(kind['plan_share'])})|{year}|(?P<part>{_alt(kind['achieved_period'])})|(?P<target>{_alt(kind['target'])})"
                      f"|(?P<actual>{_alt(kind['actual'])})"),
        other=gated(_alt(kind["other"])),
        soft_target=re.compile(_alt(kind["soft_target"])),
        so_far=gated(_alt(kind["so_far"])),
        plan_share=gated(rf"(?:{_alt(kind['plan_share'])})\s*$"),
        weak=gated(_alt(kind["weak_actual"])),
        period=gated(_alt(lex["period"])),
        relative=RELATIVE_YEARS,
        section={k: re.compile(_alt(v)) for k, v in lex["section"].items()},
        skip_after=gated(_alt(lex["skip_after"])),
        skip_before=lex["skip_before"],
        distribute=gated(_alt(lex["distribute"])),
        compare_units=frozenset(lex["compare_units"]),
        class_before=tuple(lex["class_size_before"]),
        duration_before=tuple(lex["duration_before"]),
        duration_after=tuple(lex["duration_after"]),
        class_after=re.compile(_alt(lex["class_after"])),
        population_after=re.compile(_alt(lex["population_after"])),
        prev_sentence_lead=re.compile(lex["prev_sentence_lead"]),
        prev_sentence_max=lex["prev_sentence_max"],
        breakdown_lead=tuple(lex["breakdown_lead"]),
        per_unit_before=re.compile(f"(?:{_alt(lex['per_unit_before'])})$"),
        rate_name=re.compile(lex["rate_name"]),
        list_join=re.compile(lex["list_join"]),
        from_word=re.compile(_alt(lex["from_to"]["start"])),
        to_gap=re.compile(rf"\s*(?:的水平)?\s*(?:{_alt(lex['from_to']['to'])})\s*"
                             rf"(?:{_alt(lex['qualifiers']['at_least']['before'] + lex['qualifiers']['approx']['before'])})?\s*"),
        split_verb=re.compile(_alt(lex["split_name_verbs"])),
        split_gap=lex["split_name_gap"],
        by_suffix=_by_suffix(alias_to_id),
        growth_lead=re.compile(rf"\s*(?:(?:{_alt(lex['growth_lead'])})\s*){{0,3}}"),
        # the look-behind after the digits, so the regex starts with a literal 1/2 the engine can skip to
        year_rx=re.compile(rf"({YEAR})(?<![到至\d].{{4}})年"),
        bullets=re.compile(lex["list_item"]),
    )


def _by_suffix(alias_to_id: dict[str, str]) -> dict[str, list[tuple[str, str]]]:
    """suffix -> [(head, alias)], longest alias first: every way to cut an alias in two
    parts of at least two characters (工业增加值 -> 工业 + 增加值)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for a in sorted(alias_to_id, key=len, reverse=True):
        for k in range(2, len(a) - 1):
            out.setdefault(a[k:], []).append((a[:k], a))
    return out
