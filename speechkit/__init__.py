"""speechkit: read Chinese political speeches the way an expert reader does.

    >>> import speechkit
    >>> doc = speechkit.load("samples/first-quarter-mobilization.simp.txt")
    >>> [h.style for h in speechkit.outline(doc)][:3]
    ['cn_dun', 'cn_paren', 'yi_shi']
"""
from speechkit.api import load, outline
from speechkit.errors import ConfigError, LoadError, SpeechkitError
from speechkit.model import Document, Heading, Source

__version__ = "0.1.0"
__all__ = ["load", "outline", "Document", "Heading", "Source", "SpeechkitError", "LoadError",
           "ConfigError", "__version__"]
