"""The Streamlit app under Streamlit's AppTest, in this process: start it, ask it, read its HTML."""

from __future__ import annotations

import re

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


def _turn_script() -> re.Pattern[str]:
    """ui/style.py's TURN_SCRIPT as written for any turn, question id and phase: nothing else can hide in it."""
    from ui.style import TURN_SCRIPT

    written = re.escape(TURN_SCRIPT.strip()).replace("__TURN__", "(turn-t[0-9]+)")
    return re.compile(written.replace("__ASKED__", "[0-9a-f]{32}").replace("__PHASE__", "(?:asked|answered)"))


def turn_scripts(app: AppTest) -> list[str]:
    """The keys of the turns the app's scroll script brings into view in this run, one per script."""
    matches = (_turn_script().fullmatch(element.proto.body.strip()) for element in app.get("html"))
    return [m.group(1) for m in matches if m]


def html_of(app: AppTest) -> str:
    """The bodies of every HTML element on the page, but the app's own page style and scripts."""
    from ui.style import CITATION_SCRIPT

    own, turn = CITATION_SCRIPT.strip(), _turn_script()
    return "\n".join(
        element.proto.body
        for element in app.get("html")
        if own not in element.proto.body and not turn.fullmatch(element.proto.body.strip())
    )
