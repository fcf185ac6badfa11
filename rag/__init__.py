"""Corpus Chat: questions over a corpus of articles, answered with exact-passage citations."""

from rag.offline import keep_offline

keep_offline()

__version__ = "0.1.0"
