"""raw -> clean: width folding (1:1) and removal of noise, with an offset map back to raw."""
from __future__ import annotations

import re
from dataclasses import dataclass

from speechkit.config import Config
from speechkit.lexicons.typed import CleaningLexicon, CleaningRule
from speechkit.model import OffsetMap
from speechkit.regex_lead import Lead, WordScan
from speechkit.spans import merge_spans

# Web pages are read into text before cleaning (speechkit/readers/html.py): no markup here.


def _word_rules(lex: CleaningLexicon) -> list[CleaningRule]:
    """The line rules built from word lists: a line of widgets only, a short promo line. Each
    match holds one of its words, so the rule requires them (it is not tried on a text
    without any)."""
    def alt(words: tuple[str, ...]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    out = []
    if lex.widget_words:
        w, sep = alt(lex.widget_words), r"[ \t•·|/【】\[\]]"
        out.append(CleaningRule("widgets", f"{sep}*(?:{w})(?:{sep}+(?:{w}))*{sep}*$", lex.widget_words))
    if lex.promo_words:
        n = lex.promo_line_max_chars
        out.append(CleaningRule("promo_line", f"(?=[^\n。]{{0,{n}}}$)[^\n]{{0,{n}}}?(?:{alt(lex.promo_words)})",
                               lex.promo_words))
    return out


@dataclass(frozen=True)
class CleaningRules:
    """The cleaning lexicon as compiled for one run (``Config.compiled``)."""
    related: tuple[int, int, re.Pattern[str]]  # a related-links block: max lines, max chars, stop
    fold: dict[int, int]  # str.maketrans table of the width fold
    # folding only where needed: a regex finds the rare full-width runs far faster than
    # str.translate walks the whole text
    fold_rx: re.Pattern[str] | None
    line_names: tuple[str, ...]  # the line rules' names, by group r<i> of the line regexes
    line_patterns: tuple[str, ...]
    line_requires: tuple[tuple[str, ...], ...]  # words a text must hold for rule i to be tried
    line_tail: str  # the rest of a matched line (at most line_rule_max_chars)
    # by the rules a text may match: see _line_regexes (filled as texts need them)
    line_regexes: dict[tuple[int, ...], tuple[re.Pattern[str], re.Pattern[str]]]
    spans: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...]  # (name, regex, words one must hold)
    span_leadable: tuple[bool, ...]  # can rule i be found by a one-pass lead (regex_lead)?
    # by the span rules a text may match: one Lead of those leadable (filled as texts need them)
    span_leads: dict[tuple[int, ...], Lead]
    words: WordScan  # every rule's `requires` words: which a text holds, in one pass


def _compile(config: Config) -> CleaningRules:
    lex = CleaningLexicon.of(config.lexicon("cleaning"))
    line_rules = [*lex.line_rules, *_word_rules(lex)]
    spans = [(r.name, re.compile(r.pattern, re.M), tuple(r.requires or ())) for r in lex.span_rules]
    return CleaningRules(
        related=(lex.related_block_max_lines, lex.related_item_max_chars, re.compile(lex.related_block_stop)),
        fold=str.maketrans(lex.fold, lex.fold_to),
        fold_rx=re.compile("[" + re.escape(lex.fold) + "]+") if lex.fold else None,
        line_names=tuple(r.name for r in line_rules),
        line_patterns=tuple(r.pattern for r in line_rules),
        line_requires=tuple(tuple(r.requires or ()) for r in line_rules),
        line_tail=f"[^\n]{{0,{lex.line_rule_max_chars}}}$",
        line_regexes={},
        spans=tuple(spans),
        span_leadable=tuple(Lead([rx]).rx is not None for _, rx, _ in spans),
        span_leads={},
        words=WordScan([w for r in [*line_rules, *lex.span_rules] for w in r.requires or ()], lex.frequent_chars),
    )


def noise_spans(folded: str, rules: CleaningRules) -> list[tuple[int, int, str]]:
    """Every span a rule removes, with the rule's name: line rules' spans in text order, then
    each span rule's in turn (spans may overlap)."""
    found: list[tuple[int, int, str]] = []
    names = rules.line_names
    present = rules.words.present(folded)  # the `requires` words in the text
    lines = _line_regexes(present, rules)
    if lines is not None:
        # the first line, then every line after a line break: each line is tried once, at its
        # start, as a search of the ^-anchored rules would (a match never crosses a line end)
        first = lines[0].match(folded)
        for m, start in ([(first, 0)] if first else []) + [
                (m, m.start("line")) for m in lines[1].finditer(folded)]:
            if m.end() > start:
                name = names[next(int(k[1:]) for k, v in m.groupdict().items()
                                  if v is not None and k[0] == "r" and k[1:].isdigit())]
                found.append((start, m.end(), name))
                if name == "related_links":
                    found += [(s, e, name) for s, e in _related_block(folded, m.end(), *rules.related)]
    for i, matches in _span_matches(folded, present, rules).items():
        name = rules.spans[i][0]
        found += [(m.start(), m.end(), name) for m in matches if m.end() > m.start()]
    return found


def _span_matches(folded: str, present: set[str], rules: CleaningRules) -> dict[int, list[re.Match[str]]]:
    """Each span rule's matches (its ``finditer``), by rule, in rule order: of the rules
    ``folded`` may match (most texts have no such noise at all: a rule whose ``requires``
    words are absent is skipped), those a lead can find all in one pass over the text
    (speechkit/regex_lead.py), the others by their own scan."""
    active = tuple(i for i, (_, _, requires) in enumerate(rules.spans)
                   if not requires or not present.isdisjoint(requires))
    out: dict[int, list[re.Match[str]]] = {i: [] for i in active}
    leadable = tuple(i for i in active if rules.span_leadable[i])
    if leadable:
        if leadable not in rules.span_leads:
            rules.span_leads[leadable] = Lead([rules.spans[i][1] for i in leadable])
        for k, m in rules.span_leads[leadable].finditer(folded):
            out[leadable[k]].append(m)
    for i in active:
        if not rules.span_leadable[i]:
            out[i] = list(rules.spans[i][1].finditer(folded))
    return out


def _line_regexes(present: set[str], rules: CleaningRules) -> tuple[re.Pattern, re.Pattern] | None:
    """One alternation of the line rules a text may match (a rule whose ``requires`` words
    are all absent from it, ``present`` holding those there, cannot), so each line is tried
    against those only: the scanning rules ([^\n]{0,60}?…) cost most. Anchored at the
    text's start, and after a line break (a search for that jumps from one line break to
    the next at C speed, where ^ would be tried, and fail, at every character). Compiled once per set of rules."""
    active = tuple(i for i, words in enumerate(rules.line_requires)
                   if not words or not present.isdisjoint(words))
    if not active:
        return None
    if active not in rules.line_regexes:
        body = ("(?:" + "|".join(f"(?P<r{i}>{rules.line_patterns[i]})" for i in active) + ")"
                + rules.line_tail)
        rules.line_regexes[active] = (re.compile("^" + body, re.M),
                                         re.compile("\n(?P<line>" + body + ")", re.M))
    return rules.line_regexes[active]


def _folded(raw: str, rules: CleaningRules) -> str:
    """``raw`` width-folded; folding is 1:1, so offsets in it are offsets in ``raw``."""
    table = rules.fold
    # folding only where needed: the rare full-width runs, not a translate of the whole text
    return rules.fold_rx.sub(lambda m: m.group().translate(table), raw) if rules.fold_rx else raw


def _related_block(text: str, pos: int, max_lines: int, max_chars: int,
                   stop: re.Pattern) -> list[tuple[int, int]]:
    """The headlines under a related-links line ending at ``pos``: the short lines without 。
    that follow it (blank lines between them allowed), at most ``max_lines`` of them, up to a
    heading of the speech's own."""
    out: list[tuple[int, int]] = []
    taken = 0
    while taken < max_lines and pos < len(text):
        start = pos + 1
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        line = text[start:end]
        if line.strip():
            if len(line) > max_chars or "。" in line or stop.match(line):
                break
            out.append((start, end))
            taken += 1
        pos = end
    return out


def page_noise(raw: str, config: Config) -> list[tuple[int, int, str]]:
    """What cleaning cuts from ``raw``: (start, end, rule) in raw offsets, overlaps merged into
    the first rule's span — for ``clean --show-noise``, so a user can audit every cut."""
    rules = config.compiled("cleaning", _compile)
    return merge_spans(noise_spans(_folded(raw, rules), rules), touching=False)


def clean_text(raw: str, config: Config) -> tuple[str, OffsetMap, list[str]]:
    """The ``clean`` layer of ``raw``, its map back to raw, and the names of the noise removed."""
    rules = config.compiled("cleaning", _compile)
    folded = _folded(raw, rules)
    found = noise_spans(folded, rules)
    noise = list(dict.fromkeys(name for _s, _e, name in found))
    removed = [(s, e) for s, e, _name in merge_spans(found)]
    if not removed:
        return folded, OffsetMap(), []
    parts, starts, origins = [], [], []
    pos = out = 0
    for s, e in removed:
        if s > pos:
            parts.append(folded[pos:s])
            starts.append(out)
            origins.append(pos)
            out += s - pos
        pos = e
    if pos < len(folded) or not starts:
        parts.append(folded[pos:])
        starts.append(out)
        origins.append(pos)
    return "".join(parts), OffsetMap(tuple(starts), tuple(origins)), noise
