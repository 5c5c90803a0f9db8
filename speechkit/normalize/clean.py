"""raw -> clean: width folding (1:1) and removal of noise, with an offset map back to raw."""
from __future__ import annotations

import re
from typing import Any

from speechkit.config import Config
from speechkit.model import OffsetMap

# Web pages are read into text before cleaning (speechkit/readers/html.py): no markup here.


def _compile(config: Config) -> dict[str, Any]:
    lex = config.lexicon("cleaning")
    return {
        "fold": str.maketrans(lex["fold"], lex["fold_to"]),
        # folding only where needed: a regex finds the rare full-width runs far faster than
        # str.translate walks the whole text
        "fold_rx": re.compile("[" + re.escape(lex["fold"]) + "]+") if lex["fold"] else None,
        # one alternation for all line rules: a single pass over the text
        "line_names": [r["name"] for r in lex["line_rules"]],
        "lines": re.compile(
            "^(?:" + "|".join(f"(?P<r{i}>{r['pattern']})" for i, r in enumerate(lex["line_rules"]))
            + f")[^\n]{{0,{lex['line_rule_max_chars']}}}$",
            re.M) if lex["line_rules"] else None,
        "spans": [(r["name"], re.compile(r["pattern"], re.M), tuple(r.get("requires") or ()))
                  for r in lex["span_rules"]],
    }


def _removed_spans(folded: str, rules: dict[str, Any],
                   spans: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[str]]:
    """Spans of ``folded`` that cleaning removes, sorted and merged, and the rule names hit."""
    hit: list[str] = []
    if rules["lines"] is not None:
        for m in rules["lines"].finditer(folded):
            if m.end() > m.start():
                spans.append(m.span())
                i = next(i for i in range(len(rules["line_names"])) if m.group(f"r{i}") is not None)
                hit.append(rules["line_names"][i])
    for name, rx, requires in rules["spans"]:
        if requires and not any(word in folded for word in requires):
            continue  # `in` is a fast substring search; most texts have no such noise at all
        found = [m.span() for m in rx.finditer(folded) if m.end() > m.start()]
        if found:
            spans.extend(found)
            hit.append(name)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            if e > merged[-1][1]:
                merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged, list(dict.fromkeys(hit))


def clean_text(raw: str, config: Config) -> tuple[str, OffsetMap, list[str]]:
    """The ``clean`` layer of ``raw``, its map back to raw, and the names of the noise removed."""
    rules = config.compiled("cleaning", _compile)
    # folding is 1:1, so offsets in `folded` are offsets in `raw`
    table = rules["fold"]
    folded = rules["fold_rx"].sub(lambda m: m.group().translate(table), raw) if rules["fold_rx"] else raw
    removed, noise = _removed_spans(folded, rules, [])
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
