"""speechkit: read Chinese political speeches the way an expert reader does.

    >>> import speechkit
    >>> doc = speechkit.load("samples/first-quarter-mobilization.simp.txt")
    >>> [h.style for h in speechkit.outline(doc)][:3]
    ['cn_dun', 'cn_paren', 'yi_shi']
    >>> report = speechkit.analyze("samples/three-level-cadres-2015.simp.txt")
    >>> report.meta["speaker"], len(report.outline)
    ('徐文泊', 44)
"""
from speechkit.api import analyze, keywords, load, meta, outline, slogans, targets
from speechkit.errors import ConfigError, LoadError, SpeechkitError
from speechkit.model import Document, Heading, Keyword, Meta, Report, Slogan, Source, Target

__version__ = "0.1.0"
__all__ = ["analyze", "load", "outline", "targets", "slogans", "meta", "keywords", "Document", "Report",
           "Heading", "Target", "Slogan", "Meta", "Keyword", "Source", "SpeechkitError", "LoadError",
           "ConfigError", "__version__"]
