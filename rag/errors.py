"""Errors a person can act on: each message says what to do next, in one line."""


class CorpusChatError(Exception):
    """Base class of the errors that the CLI and the app show as one line."""


class ConfigError(CorpusChatError):
    """The settings ask for something that cannot work as configured."""


class EmbedderMismatchError(CorpusChatError):
    """The index was built by another embedder than the one configured now."""


class ArticleError(CorpusChatError):
    """One input file cannot be ingested; the message gives the reason."""


class NotFoundError(CorpusChatError):
    """An article id (or prefix) matches no stored article, or several."""


class StoreError(CorpusChatError):
    """The store cannot be reached, written or read (server gone, disk full, damaged files)."""


class LLMError(CorpusChatError):
    """The LLM endpoint failed after retries, timed out, or refused the request."""


class UsageError(CorpusChatError):
    """A command was called without what it needs."""


class ChatStoreError(CorpusChatError):
    """The saved chats cannot be read or written (a damaged or locked chats file)."""
