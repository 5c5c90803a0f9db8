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


def targets(doc: Document, config: Config | None = None, year: int | None = None) -> list[Target]:
    """Numeric statements of all kinds (target, actual, other); ``year`` is the year the
    speech speaks from (今年), inferred from the text when not given."""
    from speechkit.extractors.targets import extract_targets

    return extract_targets(doc, _config(config), year)


def slogans(doc: Document, config: Config | None = None) -> list[Slogan]:
    """Slogans, watchwords and numbered formulas, most frequent first."""
    from speechkit.extractors.slogans import extract_slogans

    return extract_slogans(doc, _config(config))


def meta(doc: Document, config: Config | None = None) -> Meta:
    """Title, speaker, role, date, venue and source, as far as the text gives them."""
    from speechkit.extractors.meta import extract_meta

    return extract_meta(doc, _config(config))


def keywords(doc: Document, config: Config | None = None, top: int | None = 20) -> list[Keyword]:
    """Top terms by TF-IDF (jieba words, speech-aware stop list); loads jieba on first use."""
    from speechkit.extractors.keywords import extract_keywords

    return extract_keywords(doc, _config(config), top)
