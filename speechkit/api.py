"""The library entry point: load texts into Documents and run extractors. No click, no rich."""
from __future__ import annotations

import os

from speechkit.config import Config
from speechkit.errors import LoadError
from speechkit.load import Input, load_extracted
from speechkit.model import Document, Heading, Keyword, Meta, Slogan, Source, Target
from speechkit.normalize import build_document

_DEFAULT: Config | None = None


def _config(config: Config | None) -> Config:
    global _DEFAULT
    if config is not None:
        return config
    if _DEFAULT is None:
        _DEFAULT = Config()
    return _DEFAULT


def load_input(item: Input, encoding: str | None = None, config: Config | None = None) -> Document:
    cfg = _config(config)
    got = load_extracted(item, encoding, cfg)
    return build_document(got.text, Source(item.name, got.encoding), cfg, got.unit, got.starts)


def load(path: "str | os.PathLike[str] | None" = None, *, text: str | None = None,
         encoding: str | None = None, config: Config | None = None) -> Document:
    """A Document from a file path (``str`` or ``pathlib.Path``), or from ``text`` (named
    ``<text>``). Raises ``LoadError`` (with ``.reason``) when the file cannot be read."""
    if text is not None:
        if not isinstance(text, str):
            raise LoadError("<text>", "text must be a str")
        from speechkit.readers import from_text

        got = from_text(text, "str", _config(config))
        return build_document(got.text, Source("<text>", "str"), _config(config))
    if path is None:
        raise LoadError("<none>", "give a path or text=")
    path = os.fspath(path)
    if not os.path.lexists(path):
        raise LoadError(path, "no such file or directory")
    return load_input(Input(path, path), encoding, config)


def outline(doc: Document, config: Config | None = None) -> list[Heading]:
    """The section headings of ``doc`` in text order, as ``Heading`` dataclasses (spans into
    ``doc.norm``; ``speechkit.records.heading_records`` turns them into the CLI's records)."""
    from speechkit.extractors.outline import extract_outline

    return extract_outline(doc, _config(config))


# `outline` is also a parameter name below (the headings a caller already has)
_headings = outline


def targets(doc: Document, config: Config | None = None, year: int | None = None,
            outline: list[Heading] | None = None, known_meta: Meta | None = None) -> list[Target]:
    """Numeric statements of all kinds (target, actual, other); ``year`` is the year the
    speech speaks from (今年), inferred from the text when not given. Pass ``outline`` and
    ``known_meta`` (the doc's ``meta()``, whose year fills 今年 periods) when you have them:
    targets then need not work them out again."""
    from speechkit.extractors.targets import extract_targets

    cfg = _config(config)
    if year is None:  # the year the text says it speaks from; the extractor guesses only without one
        if known_meta is not None:
            year = known_meta.year
        else:
            from speechkit.extractors.meta import extract_year

            year = extract_year(doc, cfg)
    found = extract_targets(doc, cfg, year, outline if outline is not None else (lambda: _headings(doc, cfg)))
    return fill_periods(doc, found, year)


def fill_periods(doc: Document, found: list[Target], year: int | None) -> list[Target]:
    """Targets whose period the text writes as this year (今年, 本年, 年内: lexicons/years.yaml)
    but the extractor left without a year get the year the text speaks from (``meta.year``, or
    the ``year`` given): a post-step, so the extractor's own year inference stays as it is."""
    from dataclasses import replace

    from speechkit.extractors.year import THIS_YEAR_WORDS

    if year is None:
        return found
    return [replace(t, period=year) if t.period is None and t.period_span is not None
            and doc.norm[t.period_span[0]:t.period_span[1]].startswith(THIS_YEAR_WORDS) else t for t in found]


def slogans(doc: Document, config: Config | None = None,
            outline: list[Heading] | None = None) -> list[Slogan]:
    """Slogans, watchwords and numbered formulas, most frequent first. Pass ``outline`` (of
    the same doc and config) when you have it: slogans then need not work it out again."""
    from speechkit.extractors.slogans import extract_slogans

    cfg = _config(config)
    return extract_slogans(doc, cfg, outline if outline is not None else _headings(doc, cfg))


def meta(doc: Document, config: Config | None = None) -> Meta:
    """Title, speaker, role, date, venue and source, the jurisdiction the text speaks for
    (``.jurisdiction``: name, level, parent, code), the year it speaks from and its type
    (work_report, speech, news_summary, plan, other), as far as the text gives them."""
    from speechkit.extractors.meta import extract_meta

    return extract_meta(doc, _config(config))


def keywords(doc: Document, config: Config | None = None, top: int | None = 20) -> list[Keyword]:
    """Top terms by TF-IDF (jieba words, speech-aware stop list); loads jieba on first use."""
    from speechkit.extractors.keywords import extract_keywords

    return extract_keywords(doc, _config(config), top)


# Top keywords kept per file by `analyze` (the `keywords` command's default too).
ANALYZE_KEYWORDS = 20


def analysis_records(doc: Document, config: Config | None = None, script: str = "original",
                     top_keywords: int | None = ANALYZE_KEYWORDS) -> list[dict]:
    """Every finding of ``doc`` as flat records, each with a ``type`` (meta, heading, target,
    slogan, keyword): the ``analyze --jsonl`` stream of one file. A record's own ``type``
    field (slogans have one) is renamed ``<kind>_type`` there."""
    from speechkit import records as rec

    cfg = _config(config)
    heads = outline(doc, cfg)  # targets and slogans reuse it, targets the meta's year too
    info = meta(doc, cfg)
    parts = [("meta", [rec.meta_record(doc, info, script)]),
             ("heading", rec.heading_records(doc, heads, script)),
             ("target", rec.target_records(doc, targets(doc, cfg, outline=heads, known_meta=info), script)),
             ("slogan", rec.slogan_records(doc, slogans(doc, cfg, outline=heads), script)),
             ("keyword", rec.keyword_records(doc, keywords(doc, cfg, top_keywords), script))]
    return [rec.flat(kind, r) for kind, recs in parts for r in recs]


def file_summary(doc: Document, config: Config | None, parts: tuple[str, ...],
                 script: str = "original") -> dict:
    """One file's records for the cross-file commands (trend, diff, report; ``speechkit.analysis``):
    ``year`` the speech is given (meta date, a year in the file name, the year its text gives
    (``meta.year``), or the period its 今年 targets name), ``chars`` its cleaned length, and the records of ``parts`` (targets,
    slogans, outline, meta). The outline is worked out once and handed to targets and slogans."""
    from speechkit import records as rec
    from speechkit.extractors.year import speech_year

    cfg = _config(config)
    info = meta(doc, cfg)
    year = speech_year(info.date, doc.source.name)
    if year is None:  # no date, no year in the file name: the one the text gives (meta.year)
        year = info.year
    heads = outline(doc, cfg) if {"targets", "slogans", "outline"} & set(parts) else []
    out: dict = {"file": doc.source.name, "year": year, "chars": len(doc.clean)}
    if "targets" in parts:
        out["targets"] = rec.target_records(doc, targets(doc, cfg, year, outline=heads, known_meta=info), script)
        if year is None:
            year = out["year"] = speech_year(None, "", [r["period"] for r in out["targets"]
                                                        if "今年" in (r["period_text"] or "")])
    if "slogans" in parts:
        out["slogans"] = rec.slogan_records(doc, slogans(doc, cfg, outline=heads), script)
    if "outline" in parts:
        out["outline"] = rec.heading_records(doc, heads, script)
    if "meta" in parts:
        out["meta"] = rec.meta_record(doc, info, script)
    return out


def analyze(path: "str | os.PathLike[str] | None" = None, *, text: str | None = None,
            encoding: str | None = None, config: Config | None = None, script: str = "original",
            top_keywords: int | None = ANALYZE_KEYWORDS) -> "Report":
    """Everything speechkit finds in one speech: ``.meta``, ``.outline``, ``.targets``,
    ``.slogans``, ``.keywords`` — record dicts, exactly those of the CLI's JSON (docs/records.md:
    offsets into the file, text in ``script``) — with ``.to_dict()`` (one ``files[]`` entry of
    ``speechkit analyze --json``) and ``.to_pandas(part)``. The single-step functions
    (``speechkit.outline(doc)``, ``targets``, ``slogans`` …) return dataclasses instead, with
    spans into ``doc.norm``. No printing, no click, no rich."""
    from speechkit.model import Report

    doc = load(path, text=text, encoding=encoding, config=config)
    from speechkit.records import nest_analysis

    records = analysis_records(doc, config, script, top_keywords)
    return Report(**nest_analysis(doc.source.name, doc.source.encoding, records), document=doc)
