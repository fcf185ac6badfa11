"""The chat page: questions in, streamed and cited answers out."""

from __future__ import annotations

from collections.abc import Iterator

import streamlit as st

from rag.answer import Answer
from rag.conversation import Turn
from rag.render import credits_of, render_markdown
from rag.report import file_name
from ui.chats import open_turns, save_turn
from ui.components import current_options, get_assistant, plural, render_answer
from ui.safe import escape_markdown
from ui.steps import show_steps
from ui.style import bring_turn_into_view, new_question_id, turn_key

assistant = get_assistant()
turns: list[Answer] = open_turns()  # the open chat, read back from the chats file after a reload

st.title("Corpus Chat")

starters = st.empty()
if not turns:
    with starters.container():
        st.caption("Ask a question about your articles. Every claim in the answer cites the passage it rests on.")
        for i, suggestion in enumerate(assistant.starter_questions()):
            if st.button(suggestion, key=f"starter-{i}"):
                st.session_state["pending_question"] = suggestion

for index, answer in enumerate(turns):
    with st.container(key=turn_key(f"t{index}")):
        with st.chat_message("user"):
            st.markdown(escape_markdown(answer.question))
        with st.chat_message("assistant"):
            render_answer(assistant, answer, anchor=f"t{index}")

question = st.chat_input("Ask about your articles") or st.session_state.pop("pending_question", None)
if question:
    starters.empty()
    anchor = f"t{len(turns)}"
    # The user may have scrolled up (to read a source), where Streamlit's chat no longer follows the bottom:
    # the new question is kept in view while it is answered (until the user scrolls). Only this run scrolls;
    # the reruns that draw the turn again (from the loop above) leave the page where it is.
    asked = new_question_id()
    with st.container(key=turn_key(anchor)):
        with st.chat_message("user"):
            st.markdown(escape_markdown(question))
            bring_turn_into_view(anchor, asked)  # last in the message, hidden: the turn's elements keep their places
        with st.chat_message("assistant"):
            history = [Turn(a.question, a.text) for a in turns]
            stream = assistant.stream(question, history, current_options())

            def escaped(pieces: Iterator[str]) -> Iterator[str]:
                for piece in pieces:  # text is shown as text, never as markup
                    yield escape_markdown(piece)

            status = st.status(f"Searching {plural(len(assistant.articles()), 'article')}…")
            # The answer is written below its status, then drawn in the place of what was written: the turn never
            # shrinks on the way, where a page scrolled near its bottom would be pulled along.
            placeholder = st.empty()
            with status:  # a failure on the way marks the status as failed
                with placeholder.container():
                    st.write_stream(escaped(iter(stream)))  # at once offline, piece by piece with an LLM
                answer = stream.result()
                show_steps(status, answer.timings_ms, "Answered")
            turns.append(answer)
            with placeholder.container():
                render_answer(assistant, answer, anchor=anchor)
            bring_turn_into_view(anchor, asked, answered=True)
    not_saved = save_turn(answer)  # at once, in one transaction: a reload or a restart keeps it
    if not_saved:
        st.warning(f"This chat is not being saved: {not_saved}")

if turns:
    st.download_button(
        "Download the whole chat (.md)",
        render_markdown(turns, credits_of(assistant.articles())),
        file_name=file_name("chat", turns[0].question, "md"),
        mime="text/markdown",
    )
