"""The library entry point: load texts into Documents and run extractors. No click, no rich."""
from __future__ import annotations

from speechkit.config import Config
from speechkit.errors import LoadError
from speechkit.load import Input, load_text
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
    text, enc = load_text(item, encoding)
    return build_document(text, Source(item.name, enc), _config(config))


def load(path: str | None = None, *, text: str | None = None, encoding: str | None = None,
         config: Config | None = None) -> Document:
    """A Document from a file path, or from ``text`` (named ``<text>``)."""
    if text is not None:
        if not isinstance(text, str):
            raise LoadError("<text>", "text must be a str")
        return build_document(text, Source("<text>", "str"), _config(config))
    if path is None:
        raise LoadError("<none>", "give a path or text=")
    return load_input(Input(path, path), encoding, config)


def outline(doc: Document, config: Config | None = None) -> list[Heading]:
    from speechkit.extractors.outline import extract_outline

    return extract_outline(doc, _config(config))


def targets(doc: Document, config: Config | None = None, year: int | None = None,
            outline: list[Heading] | None = None) -> list[Target]:
    """Numeric statements of all kinds (target, actual, other); ``year`` is the year the
    speech speaks from (今年), inferred from the text when not given. Pass ``outline`` (of
    the same doc and config) when you have it: targets then need not work it out again."""
    from speechkit.extractors.targets import extract_targets

    cfg = _config(config)
    found = extract_targets(doc, cfg, year, outline)
    return fill_periods(doc, found, year if year is not None else meta(doc, cfg).year)


# Period words that mean the year the text speaks from (今年以来, 本年度 too).
THIS_YEAR = ("今年", "本年")


def fill_periods(doc: Document, found: list[Target], year: int | None) -> list[Target]:
    """Targets whose period the text writes as 今年/本年 but the extractor left without a year
    get the year the text speaks from (``meta.year``, or the ``year`` given): a post-step, so
    the extractor's own year inference stays as it is."""
    from dataclasses import replace

    if year is None:
        return found
    return [replace(t, period=year) if t.period is None and t.period_span is not None
            and doc.norm[t.period_span[0]:t.period_span[1]].startswith(THIS_YEAR) else t for t in found]


def slogans(doc: Document, config: Config | None = None,
            outline: list[Heading] | None = None) -> list[Slogan]:
    """Slogans, watchwords and numbered formulas, most frequent first. Pass ``outline`` (of
    the same doc and config) when you have it: slogans then need not work it out again."""
    from speechkit.extractors.slogans import extract_slogans

    return extract_slogans(doc, _config(config), outline)


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
    from speechkit.render import records as rec

    cfg = _config(config)
    heads = outline(doc, cfg)  # targets and slogans reuse it
    parts = [("meta", [rec.meta_record(doc, meta(doc, cfg), script)]),
             ("heading", rec.heading_records(doc, heads, script)),
             ("target", rec.target_records(doc, targets(doc, cfg, outline=heads), script)),
             ("slogan", rec.slogan_records(doc, slogans(doc, cfg, outline=heads), script)),
             ("keyword", rec.keyword_records(doc, keywords(doc, cfg, top_keywords), script))]
    return [rec.flat(kind, r) for kind, recs in parts for r in recs]


def analyze(path: str | None = None, *, text: str | None = None, encoding: str | None = None,
            config: Config | None = None, script: str = "original",
            top_keywords: int | None = ANALYZE_KEYWORDS) -> "Report":
    """Everything speechkit finds in one speech: ``.meta``, ``.outline``, ``.targets``,
    ``.slogans``, ``.keywords`` (SPEC §3 records) and ``.to_dict()``, the shape of one
    ``files[]`` entry of ``speechkit analyze --json``. No printing, no click, no rich."""
    from speechkit.model import Report

    doc = load(path, text=text, encoding=encoding, config=config)
    return Report.from_records(doc, analysis_records(doc, config, script, top_keywords))
