"""A web page -> the text of its article, as a reader of the page sees it.

Parsed with lxml (libxml2's HTML parser: linear time, tolerant of the broken markup real
pages have; an unclosed ``<!--`` or ``<script>`` ends the page there, as in a browser). Then:

1. what is never shown goes (scripts, styles, <head>);
2. page furniture goes: <nav>/<aside>, header and footer outside the article, ARIA
   navigation roles, elements whose class or id names furniture (nav-main, footer_box),
   small blocks that start like furniture (当前位置, 版权所有, 相关链接), and blocks that are
   mostly links (menus, related-article lists);
3. the article is the smallest block holding most of the remaining text, widened to take in
   its heading (the article's <h1>, not the site's <title>);
4. its text is laid out as lines: a block element ends a line, white space collapses as a
   browser collapses it.

The result is the ``raw`` layer, so ``line`` counts lines of the text a reader sees.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from speechkit.errors import LoadError
from speechkit.lexicons.typed import HtmlReaderLexicon, ReadersLexicon
from speechkit.readers.extracted import Extracted

_WS = re.compile(r"[ \t\r\n\f]+")  # HTML white space (not U+3000, which a page uses to indent)
_WORDS = re.compile(r"[-_]")
# The article block is widened to its heading when that at most adds this share of its text
# plus this many characters (a byline, a toolbar); otherwise the heading is put before it.
WIDEN_MAX, WIDEN_SLACK = 1.3, 400


@dataclass(frozen=True)
class HtmlRules:
    """The readers.html lexicon as compiled for one run (``Config.compiled``)."""
    lex: HtmlReaderLexicon
    cues: re.Pattern[str]  # how furniture blocks start (当前位置, 版权所有)
    names: frozenset[str]  # class/id words that name furniture
    seps: re.Pattern[str]  # where a <title> leaves the page's own title
    blocks: frozenset[str]
    cells: frozenset[str]
    roles: frozenset[str]
    text_blocks: frozenset[str]


def _compile(config: Any) -> HtmlRules:
    lex = ReadersLexicon.of(config.lexicon("readers")).html
    return HtmlRules(lex, cues=re.compile(lex.boilerplate_cues, re.I), names=frozenset(lex.boilerplate_names),
                     seps=re.compile(lex.title_separators), blocks=frozenset(lex.block_tags),
                     cells=frozenset(lex.cell_tags), roles=frozenset(lex.boilerplate_roles),
                     text_blocks=frozenset(lex.text_blocks))


def _parse(text: str) -> Any:
    import lxml.html

    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    root = lxml.html.document_fromstring(text.encode("utf-8", "surrogatepass"), parser=parser)
    return root


def _tag(el: Any) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _stats(root: Any) -> dict[Any, tuple[int, int, int]]:
    """Per element: (characters of text, characters of link text, links) in its subtree,
    in one pass (an end event comes after all of an element's descendants)."""
    from lxml import etree

    stats: dict[Any, tuple[int, int, int]] = {}
    for _ev, el in etree.iterwalk(root, events=("end",)):
        own = len(_WS.sub("", el.text or ""))
        chars, links, n = own, 0, 0
        for child in el:
            c, ln, k = stats.get(child, (0, 0, 0))
            tail = len(_WS.sub("", child.tail or ""))
            chars, links, n = chars + c + tail, links + ln, n + k
        if _tag(el) == "a":
            links, n = chars, n + 1
        stats[el] = (chars, links, n)
    return stats


def _furniture(el: Any, st: tuple[int, int, int], total: int, inside_article: bool, r: HtmlRules) -> bool:
    tag = _tag(el)
    chars, links, n = st
    if chars >= r.lex.protect_share * total > 0:
        return False
    if tag in r.lex.boilerplate_tags or (tag in r.lex.outer_tags and not inside_article):
        return True
    if (el.get("role") or "").lower() in r.roles:
        return True
    for attr in ("class", "id"):
        for token in (el.get(attr) or "").split():
            if _WORDS.split(token.lower())[0] in r.names:
                return True
    if n >= 2 and chars and links >= r.lex.link_density * chars and tag not in ("a", "body", "html"):
        return True
    if 0 < chars <= r.lex.cue_max_chars and tag in r.blocks | r.cells:
        start = _WS.sub("", "".join(el.itertext())[:2 * r.lex.cue_max_chars])
        return r.cues.match(start) is not None
    return False


def _strip(root: Any, r: HtmlRules) -> None:
    """Remove what is never shown, then page furniture (outermost first)."""
    for el in list(root.iter(*r.lex.drop_tags)):
        el.drop_tree()
    stats = _stats(root)
    total = stats.get(root, (0, 0, 0))[0]
    doomed, skip = [], set()
    for el in root.iter():
        parent = el.getparent()
        if parent is not None and parent in skip:
            skip.add(el)
            continue
        inside = any(_tag(a) in ("article", "main") for a in el.iterancestors())
        if _tag(el) and _furniture(el, stats.get(el, (0, 0, 0)), total, inside, r):
            doomed.append(el)
            skip.add(el)
    for el in doomed:
        el.drop_tree()


def _article(root: Any, r: HtmlRules) -> tuple[Any, Any]:
    """The smallest element holding ``main_share`` of the text, and the article's heading.
    The element is widened to take in the heading when that adds little else (the byline
    between them: 来源, 发布时间)."""
    body = root.find("body")
    body = body if body is not None else root
    stats = _stats(body)
    total = stats.get(body, (0, 0, 0))[0]
    best = body
    while True:
        nxt = next((c for c in best if stats.get(c, (0, 0, 0))[0] >= r.lex.main_share * total), None)
        if nxt is None or _tag(nxt) in r.text_blocks:  # one long paragraph is not the article
            break
        best = nxt
    heading = _heading(body, best, r)
    if heading is None or best in set(heading.iterancestors()):
        return best, heading
    wide = best
    ancestors = set(heading.iterancestors())
    while wide not in ancestors and wide is not body:
        wide = wide.getparent()
    size = stats.get(best, (0, 0, 0))[0]
    if stats.get(wide, (0, 0, 0))[0] <= WIDEN_MAX * size + WIDEN_SLACK:
        return wide, heading
    return best, heading


def _heading(body: Any, article: Any, r: HtmlRules) -> Any:
    """The article's heading: its own first h1 (else h2, h3), else the last heading before it."""
    tags = r.lex.heading_tags
    for tag in tags:
        inside = next((h for h in article.iter(tag) if _WS.sub("", h.text_content())), None)
        if inside is not None:
            return inside
    last = None
    for el in body.iter():
        if el is article:
            break
        if _tag(el) in tags and _WS.sub("", el.text_content()):
            last = el
    return last


def _layout(el: Any, r: HtmlRules) -> str:
    """The element's text as a browser lays it out: lines at block boundaries."""
    from lxml import etree

    parts: list[str] = []
    blocks, cells = r.blocks, r.cells
    for ev, node in etree.iterwalk(el, events=("start", "end")):
        tag = _tag(node)
        if ev == "start":
            if tag in blocks:
                parts.append("\n")
            if tag == "br":
                parts.append("\n")
            if node.text and tag != "br":
                parts.append(node.text if tag == "pre" else _WS.sub(" ", node.text))
        else:
            if tag in blocks:
                parts.append("\n")
            elif tag in cells:
                parts.append("\t")
            if node is not el and node.tail:
                parts.append(_WS.sub(" ", node.tail))
    lines = (ln.strip(" \t") for ln in "".join(parts).split("\n"))
    return "\n".join(ln for ln in lines if ln)


def _site_title(root: Any, r: HtmlRules) -> str | None:
    """The article part of <title> (before the site name), for pages without a heading."""
    t = root.find(".//title")
    text = _WS.sub(" ", t.text_content()).strip() if t is not None else ""
    return r.seps.split(text)[0].strip() or None if text else None


def read_html(text: str, encoding: str, config: Any, name: str = "<text>") -> Extracted:
    r = config.compiled("readers.html", _compile)
    try:
        root = _parse(text)
    except Exception as exc:  # lxml's parser errors on input it cannot build a tree from
        if "empty" in str(exc).lower():  # all of it a comment or a script: nothing to read
            return Extracted("", encoding)
        raise LoadError(name, f"cannot parse this web page ({type(exc).__name__}: {exc})") from None
    site_title = _site_title(root, r)
    _strip(root, r)
    article, heading = _article(root, r)
    out = _layout(article, r)
    if heading is not None and article not in set(heading.iterancestors()) and heading is not article:
        out = f"{_layout(heading, r)}\n{out}"
    elif heading is None and site_title and site_title not in out[:200]:
        out = f"{site_title}\n{out}"
    return Extracted(out.strip("\n"), encoding)
