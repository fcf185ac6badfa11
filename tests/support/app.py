"""The Streamlit app under Streamlit's AppTest, in this process: start it, ask it, read its HTML."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.support.project import PROJECT


def start() -> AppTest:
    """The chat page, run once, without an exception."""
    app = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=120)
    app.run()
    assert not app.exception, app.exception
    return app


def ask(app: AppTest, question: str) -> AppTest:
    """Type `question` into the chat input and run the page again."""
    app.chat_input[0].set_value(question).run()
    assert not app.exception, app.exception
    return app


def html_of(app: AppTest) -> str:
    """The bodies of every HTML element on the page, but the app's own page style and citation script."""
    from ui.style import CITATION_SCRIPT

    own = CITATION_SCRIPT.strip()
    return "\n".join(element.proto.body for element in app.get("html") if own not in element.proto.body)
