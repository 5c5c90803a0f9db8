"""The section outline: heading markers found in ``norm``, validated as sibling sequences,
nested into a tree (docs/records.md "Outline heading"). A pure function of the Document."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from speechkit.config import Config
from speechkit.lexicons.typed import OutlineLexicon, OutlineStyle
from speechkit.model import Document, Heading
from speechkit.numerals import parse_int
from speechkit.regex_lead import Lead

_SPACE = " \t"
# A body cue (今年, 当前, …) ends a run-together title only this many characters in: every
# title in the gold samples is longer than that before its body starts.
BODY_CUE_MIN = 6
# A marker alone on its line takes its title from the next non-blank line within this many
# line breaks (Wikisource copies of the work reports put 一是 and its text on separate lines,
# with a blank line or an indent-only line between).
MARKER_ALONE_MAX_BREAKS = 3
# A run of inline items is a table of contents when at least TOC_SHARE_NUM/TOC_SHARE_DEN of
# them reappear later as paragraph-start headings with the same first TOC_PREFIX characters
# (the 1957 and 1978 work reports open with such previews).
TOC_PREFIX = 6
TOC_SHARE_NUM, TOC_SHARE_DEN = 2, 3
# Spaces a standalone title line may carry around it beyond `standalone_max`.
STANDALONE_SLACK = 16


@dataclass
class _Cand:
    style: str
    start: int  # marker span in norm
    end: int
    key: int  # numeral value, or the word's place in its sequence
    para_start: int
    para_end: int
    inline: bool
    prev: str = ""  # the boundary the marker follows ("" at a paragraph start)
    runs_on: bool = False  # at a line start, but the line before runs on into it (see _runs_on)
    number: int = 0
    title: tuple[int, int] = (0, 0)
    run_in: bool = False  # the paragraph goes on after the title
    sublist: bool = False  # a ranked style restarted inside its own section (see _sublists)


_NUM_PREFIX = re.compile(r"\(\?P<num>([^()]*)\)(.*)", re.S)


def _scans(styles: Mapping[str, OutlineStyle], rxs: Mapping[str, re.Pattern[str]]
           ) -> tuple[tuple[re.Pattern[str], str | None], ...]:
    """One regex per group of styles that open with the same numeral group: 一、 一是 一要
    share ``(?P<num>[一二…]{1,3})`` and are found in one pass over the text rather than
    three (each pass over a long text costs as much as the rest of the outline). A merged
    regex names the matching style in a group ``_s_<style>``; a lone one gives its style."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for name, spec in styles.items():
        m = _NUM_PREFIX.fullmatch(spec.pattern)
        mergeable = m and name.isidentifier() and "(?P<" not in m.group(2)
        key = m.group(1) if mergeable else f"\0{name}"
        groups.setdefault(key, []).append((name, m.group(2) if m else spec.pattern))
    out: list[tuple[re.Pattern[str], str | None]] = []
    for key, members in groups.items():
        if len(members) == 1:
            out.append((rxs[members[0][0]], members[0][0]))
        else:
            alts = "|".join(f"(?P<_s_{name}>{rest})" for name, rest in members)
            out.append((re.compile(f"(?P<num>{key})(?:{alts})"), None))
    return tuple(out)


def _scan_matches(text: str, comp: OutlineRules) -> list[tuple[re.Match[str], str | None]]:
    """Every match of every scan (``rx.finditer`` each), in text order, ties in scan order:
    from one pass over the text (speechkit/regex_lead.py), not one per scan."""
    scans = comp.scans
    return [(m, scans[i][1]) for i, m in comp.lead.finditer(text)]


@dataclass(frozen=True)
class OutlineRules:
    """The outline lexicon as compiled for one run (``Config.compiled``)."""
    lex: OutlineLexicon
    style_rx: Mapping[str, re.Pattern[str]]  # each style's own pattern
    glyphs: Mapping[str, Mapping[str, int]]  # style -> glyph -> its number (①: 1)
    note_rx: re.Pattern[str]
    scans: tuple[tuple[re.Pattern[str], str | None], ...]  # see _scans
    lead: Lead  # all scans in one pass
    ints: dict[str, int | None]  # parse_int of the marker numerals met so far (a cache)


def _compile(config: Config) -> OutlineRules:
    lex = OutlineLexicon.of(config.lexicon("outline"))
    style_rx = {name: re.compile(spec.pattern) for name, spec in lex.styles.items()}
    glyphs = {name: {c: i + 1 for i, c in enumerate(spec.glyphs)} for name, spec in lex.styles.items()
              if spec.glyphs}
    scans = _scans(lex.styles, style_rx)
    return OutlineRules(lex, style_rx, glyphs, re.compile(lex.note_pattern), scans, Lead([rx for rx, _ in scans]),
                        {})



def _at_boundary(text: str, i: int, soft: bool, lex: OutlineLexicon) -> tuple[bool, str]:
    """(can a heading start at ``i``?, the boundary it follows: "" at a paragraph start)"""
    j = i - 1
    while j >= 0 and text[j] in _SPACE:
        j -= 1
    if j < 0 or text[j] == "\n":
        return True, ""
    if j < i - 1 and text[j] in lex.space_boundary:
        # “…” then a space: a page that flattened its line breaks into spaces
        return True, text[j]
    while j > 0 and text[j] in lex.boundary_skip and text[j - 1] in lex.boundary:
        j -= 1
    ok = text[j] in lex.boundary or (soft and text[j] in lex.soft_boundary)
    return ok, text[j]


def _runs_on(text: str, para_start: int, lex: OutlineLexicon) -> bool:
    """Does the line before ``para_start`` run on into it? A document site that cuts a text
    into numbered chunks (1、 2、 3、) starts each chunk mid-sentence: the line before is long
    and does not end a sentence."""
    if para_start == 0:
        return False
    line = text[text.rfind("\n", 0, para_start - 1) + 1:para_start - 1].strip()
    return len(line) >= lex.chunk_line_min and line[-1] not in lex.sentence_end


# numerals a marker holds are short (一 to 九十九, 1 to 99), so the cache stays small; past
# this size (a flood of odd digits) it stops growing
INT_CACHE_MAX = 10_000


def _int(num: str, cache: dict[str, int | None]) -> int | None:
    """``parse_int(num)``, read once per distinct numeral: a report has hundreds of markers
    and a dozen numerals."""
    if num in cache:
        return cache[num]
    value = parse_int(num)
    if len(cache) < INT_CACHE_MAX:
        cache[num] = value
    return value


def _candidates(text: str, comp: OutlineRules) -> list[_Cand]:
    lex = comp.lex
    out = []
    # the paragraph of the last candidate: matches come in text order, so each line holding
    # one is searched for its ends once (no list of every line break)
    ps, pe = 0, -1
    for m, only in _scan_matches(text, comp):
        name = only or m.lastgroup[3:]
        spec = lex.styles[name]
        start = m.start()
        ok, prev = _at_boundary(text, start, bool(spec.soft), lex)
        if not ok:
            continue
        groups = m.groupdict()
        if groups.get("word") is not None:
            key = (spec.sequence or {}).get(groups["word"])
        elif name in comp.glyphs:
            key = comp.glyphs[name].get(groups["num"])
        else:
            key = _int(groups["num"], comp.ints)
        if not key:
            continue
        if start > pe:
            ps = text.rfind("\n", 0, start) + 1
            pe = text.find("\n", start)
            pe = len(text) if pe < 0 else pe
        c = _Cand(name, start, m.end(), key, ps, pe, bool(prev), prev)
        c.runs_on = not c.inline and _runs_on(text, ps, lex)
        out.append(c)
    return out


def _standalone(text: str, c: _Cand, lex: OutlineLexicon) -> bool:
    if c.inline or c.para_end - c.end > lex.standalone_max + STANDALONE_SLACK:
        return False
    rest = text[c.end:c.para_end].strip()
    body = rest.rstrip(lex.title_stop)
    return len(rest) <= lex.standalone_max and not any(ch in lex.title_stop for ch in body)


def _chains(cands: list[_Cand], ranked: bool, gap_max: int, breaks: list[int],
            skips: bool = False) -> list[list[_Cand]]:
    """Group one style's candidates into runs of siblings (一是, 二是, …).

    Ranked styles and word sequences (首先, 其次, 最后) may skip numbers; the others must count
    on by one, within ``gap_max`` characters and with no ranked heading (``breaks``) between.
    """
    chains: list[list[_Cand]] = []
    for c in cands:
        last = chains[-1][-1] if chains else None
        follows = last is not None and (c.key > last.key if ranked or skips else c.key == last.key + 1)
        if follows and not ranked:
            follows = c.start - last.start <= gap_max and bisect_left(breaks, last.start) == bisect_left(breaks, c.start)
        if follows:
            chains[-1].append(c)
        else:
            chains.append([c])
    return chains


def _sublists(chains: list[list[_Cand]]) -> list[list[_Cand]]:
    """Rejoin a ranked sequence interrupted by restarted lists of the same style.

    一、…三、 then 一、二、三、四、 (a list inside section 三) and later 四、: the first run
    resumes at 四、, so the runs in between are sub-lists and nest like unranked styles.
    """
    out: list[list[_Cand]] = []
    main: list[_Cand] | None = None
    pending: list[list[_Cand]] = []
    for chain in chains:
        if main is not None and pending and chain[0].key == main[-1].key + 1:
            for sub in pending:
                for c in sub:
                    c.sublist = True
            main.extend(chain)
            pending = []
            continue
        out.append(chain)
        if main is None or chain[0].key <= 1:
            if main is None:
                main = chain
            else:
                pending.append(chain)
    return out


def _prefix(text: str, c: _Cand, stops: str) -> str:
    """The first words of what follows a marker, up to TOC_PREFIX characters or a stop."""
    s = text[c.end:c.end + TOC_PREFIX].strip()
    for i, ch in enumerate(s):
        if ch in stops:
            return s[:i]
    return s


def _is_toc(text: str, chain: list[_Cand], para_heads: dict[str, int], stops: str) -> bool:
    """An inline run that previews later sections (报告分六个部分：一、…；二、…；…): most of its
    items reappear, word for word, as paragraph-start headings further on."""
    if not all(c.inline and c.para_start == chain[0].para_start for c in chain):
        return False
    later = sum(1 for c in chain if para_heads.get(_prefix(text, c, stops), -1) > c.start)
    return later * TOC_SHARE_DEN >= len(chain) * TOC_SHARE_NUM


def _lone_ok(text: str, c: _Cand, comp: OutlineRules) -> bool:
    """A ranked heading whose siblings are not in the text (the page was cut after its first
    section, or starts at 四、): at a paragraph start, or (一、 （一） only) inline after a
    full stop, colon, ！ or ？ unless the next number follows (一、二季度 is a range)."""
    lex = comp.lex
    if not c.inline:
        return c.style in lex.single_ok_styles or _standalone(text, c, lex)
    if c.style not in lex.inline_single_ok_styles or c.prev not in lex.inline_single_boundary:
        return False
    nxt = text[c.end:c.end + 1]
    if nxt in lex.inline_single_not_before:
        return False
    # 一、二季度, 三、四月份: the next number follows (一、十三五 does not)
    return not nxt or parse_int(nxt) != c.key + 1


def _one_sentence(text: str, chain: list[_Cand], lex: OutlineLexicon) -> bool:
    """A ranked run inside one sentence (报告分三个部分：一、…；二、…；三、…。) lists parts of
    the text; it is not its outline. Between two of its markers no sentence ends."""
    if not all(c.inline and c.para_start == chain[0].para_start for c in chain):
        return False
    return not any(ch in lex.sentence_stop for a, b in zip(chain, chain[1:])
                   for ch in text[a.end:b.start])


def _ranked(text: str, group: list[_Cand], para_heads: dict[str, int], stops: str,
            comp: OutlineRules) -> list[_Cand]:
    """The accepted headings of one ranked style: runs of siblings, and lone headings."""
    keep: list[_Cand] = []
    for chain in _sublists(_chains(group, True, 0, [])):
        if _is_toc(text, chain, para_heads, stops):
            continue
        if len(chain) > 1 and _one_sentence(text, chain, comp.lex):
            continue
        if all(c.runs_on for c in chain[1:]) and (len(chain) > 1 or chain[0].runs_on):
            continue  # a document site's chunk numbers, cutting through sentences
        if len(chain) > 1 or _lone_ok(text, chain[0], comp):
            keep.extend(chain)
    return keep


def _accepted(text: str, cands: list[_Cand], comp: OutlineRules) -> list[_Cand]:
    lex, styles = comp.lex, comp.lex.styles
    stops = lex.title_stop + "\n，,、"
    para_heads = {_prefix(text, c, stops): c.start for c in cands if not c.inline}
    by_style: dict[str, list[_Cand]] = {}
    for c in cands:
        by_style.setdefault(c.style, []).append(c)
    keep: list[_Cand] = []
    for name, group in by_style.items():
        if styles[name].rank is not None:
            keep.extend(_ranked(text, group, para_heads, stops, comp))
    breaks = sorted(c.start for c in keep if not c.inline and not c.sublist)  # a sub-list nests inside
    for name, group in by_style.items():
        if styles[name].rank is not None:
            continue
        seq = bool(styles[name].sequence)
        for chain in _chains(group, False, lex.sibling_gap_max, breaks, skips=seq):
            if name in lex.note_styles and all(_is_note(text, c, comp) for c in chain):
                continue
            first = chain[0].key == 1 or (chain[0].key == 2 and name in lex.late_start_styles)
            c0 = chain[0]
            if len(chain) == 1 and not c0.inline and text[c0.end - 1] in lex.single_ok_unranked.get(name, ""):
                keep.append(c0)  # 第一、 alone at a paragraph start
            elif len(chain) > 1 and first and not _is_toc(text, chain, para_heads, stops):
                for i, c in enumerate(chain):
                    if seq:
                        c.key = chain[0].key + i  # 首先/其次/最后 are numbered by their place
                keep.extend(chain)
    keep.sort(key=lambda c: c.start)
    return keep


def _is_note(text: str, c: _Cand, comp: OutlineRules) -> bool:
    """An endnote (①列宁：《…》，《列宁全集》第26卷，第269页。), not a heading."""
    return comp.note_rx.search(text, c.end, c.para_end) is not None


def _title(text: str, c: _Cand, next_start: int, lex: OutlineLexicon) -> None:
    """Set the title span (stripped) and whether the paragraph runs on after it."""
    stops = lex.title_stop + ("，," if c.style in lex.title_stop_comma_styles else "")
    s = c.end
    while s < c.para_end and text[s] in _SPACE + "，,":
        s += 1
    if s == c.para_end and c.para_end < next_start:
        # the marker stands alone on its line (一是⏎按照…): the title is the next paragraph,
        # and for nesting the two lines are one paragraph
        nxt = s
        while nxt < len(text) and text[nxt] in _SPACE + "\n":
            nxt += 1
        if nxt < next_start and text.count("\n", s, nxt) <= MARKER_ALONE_MAX_BREAKS:
            s = c.para_start = nxt
            end = text.find("\n", s)
            c.para_end = len(text) if end < 0 else end
    limit = min(_wrapped_end(text, c, lex), next_start, s + lex.title_max)
    stop = _stop_rx(stops).search(text, s, limit)
    e = stop.start() if stop else limit
    if e == limit and limit == s + lex.title_max and limit < min(c.para_end, next_start):
        # ran into the body without punctuation: cut where the body visibly starts
        for words in (lex.body_cues_strong, lex.body_cues):
            cues = [i for i in (text.find(w, s + BODY_CUE_MIN, e) for w in words) if i > 0]
            if cues:
                e = min(cues)
                break
    after = e
    while after < c.para_end and text[after] in lex.title_stop + _SPACE:
        after += 1
    c.run_in = c.inline or after < c.para_end
    while e > s and text[e - 1] in "，,、：:；;。.！!？? \t":
        e -= 1
    c.title = (s, e)


@lru_cache(maxsize=8)
def _stop_rx(stops: str) -> re.Pattern[str]:
    """The first of ``stops`` (a title's end), found at C speed."""
    return re.compile(f"[{re.escape(stops)}]")


def _wrapped_end(text: str, c: _Cand, lex: OutlineLexicon) -> int:
    """Where an inline heading's title may run to: the end of its line, or of the following
    lines while the text is hard-wrapped (PDF copies break lines every N characters, also
    inside a title). A line is wrapped when it is at least `wrap_line_min` long, does not end
    a sentence, and the next line is not longer (the last line of a paragraph is shorter)."""
    ps, pe = c.para_start, c.para_end
    while c.inline and pe < len(text):
        line = text[ps:pe].strip()
        nxt_end = text.find("\n", pe + 1)
        nxt_end = len(text) if nxt_end < 0 else nxt_end
        nxt = text[pe + 1:nxt_end].strip()
        if len(line) < lex.wrap_line_min or line[-1] in lex.sentence_end or not nxt \
                or len(nxt) > len(line) + lex.wrap_slack:
            break
        ps, pe = pe + 1, nxt_end
    return pe


def _nest(heads: list[_Cand], styles: Mapping[str, OutlineStyle]) -> list[tuple[int | None, int]]:
    """(parent index, level) per heading, by a stack of open headings.

    Same style as an open heading: its sibling. A ranked (GB/T) style closes open headings
    of the same or lower rank, and unranked ones from other paragraphs. An unranked style
    nests under the innermost open heading — except that a run-in heading (title and body
    in one paragraph) below the top level does not hold headings of later paragraphs.
    """
    stack: list[int] = []
    out: list[tuple[int | None, int]] = []
    ranks = [None if h.sublist else styles[h.style].rank for h in heads]
    kinds = [(h.style, h.sublist) for h in heads]
    for i, h in enumerate(heads):
        same = [k for k, j in enumerate(stack) if kinds[j] == kinds[i]]
        if same:
            del stack[same[-1]:]
        elif ranks[i] is not None:
            while stack and ((ranks[stack[-1]] is not None and ranks[stack[-1]] >= ranks[i])
                             or (ranks[stack[-1]] is None and heads[stack[-1]].para_start != h.para_start)):
                stack.pop()
        elif not h.inline:
            while len(stack) > 1 and heads[stack[-1]].run_in and heads[stack[-1]].para_start != h.para_start:
                stack.pop()
        parent = stack[-1] if stack else None
        out.append((parent, len(stack) + 1))
        stack.append(i)
    return out


def extract_outline(doc: Document, config: Config) -> list[Heading]:
    comp = config.compiled("outline", _compile)
    text = doc.norm
    heads = _accepted(text, _candidates(text, comp), comp)
    for i, h in enumerate(heads):
        nxt = heads[i + 1].start if i + 1 < len(heads) else len(text)
        _title(text, h, nxt, comp.lex)
    tree = _nest(heads, comp.lex.styles)
    return [
        Heading(id=i + 1, parent=None if p is None else p + 1, level=level, style=h.style, number=h.key,
                inline=h.inline, marker_span=(h.start, h.end), title_span=h.title)
        for i, (h, (p, level)) in enumerate(zip(heads, tree))
    ]
