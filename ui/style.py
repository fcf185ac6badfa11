"""How the app's own HTML looks in both themes, the script that brings a cited source into view, and the one
that brings a new answer into view.

Colours are inherited from Streamlit's theme or are translucent tints over it, so the same CSS
reads in the light and the dark theme. The scripts hold no text from articles or models.
"""

from __future__ import annotations

import re
import uuid

import streamlit as st

STYLE = """
<style>
.cc-answer { line-height: 1.6; }
.cc-answer a.cc-cite { text-decoration: none; font-size: 0.8em; vertical-align: super; padding: 0 1px; }
.cc-unsupported { background: rgba(255, 193, 7, 0.22); border-bottom: 2px dotted currentColor; color: inherit; }
.cc-flag { color: inherit; font-size: 0.85em; font-weight: 600; border: 1px solid currentColor;
  border-radius: 0.4em; padding: 0 0.3em; margin-left: 0.2em; white-space: nowrap; }
.cc-detail { color: inherit; font-size: 0.85em; font-style: italic; }
.cc-context { line-height: 1.6; padding: 0.4em 0.8em; border-left: 3px solid rgba(128, 128, 128, 0.45); }
.cc-context mark, .cc-article mark { background: rgba(255, 214, 0, 0.42); color: inherit; padding: 0 2px; }
.cc-article { white-space: pre-wrap; line-height: 1.55; max-height: 60vh; overflow-y: auto; }
.cc-matrix { border-collapse: collapse; }
.cc-matrix td, .cc-matrix th { border: 1px solid rgba(128, 128, 128, 0.4); padding: 6px; vertical-align: top; }
.cc-briefing { color: inherit; line-height: 1.5; }
.cc-briefing h1 { font-size: 1.6em; }
.cc-briefing h2 { font-size: 1.2em; margin-top: 1.2em; border-bottom: 1px solid rgba(128, 128, 128, 0.4); }
.cc-briefing .label { font-weight: bold; }
.cc-briefing .note { color: inherit; font-style: italic; }
.cc-briefing .unsupported { background: rgba(255, 193, 7, 0.22); }
.cc-briefing sup a { text-decoration: none; }
.cc-briefing ol.footnotes { font-size: 0.85em; color: inherit; }
.cc-briefing ol.footnotes li { margin-bottom: 0.4em; }
</style>
"""

# Streamlit's own pieces that fall below WCAG AA (4.5:1) in one of its themes: captions are
# faded to 3.8:1 in the light theme, a slider's value is drawn in the primary colour (3.5:1 on
# the dark sidebar). Both keep the theme's text colour, a little softer for captions.
PAGE_STYLE = """
<style>
[data-testid="stCaptionContainer"] { color: color-mix(in srgb, currentColor 80%, transparent) !important; }
[data-testid="stCaptionContainer"] p { color: inherit !important; }
[data-testid="stSliderThumbValue"], [data-testid="stSliderThumbValue"] p { color: inherit !important; }
[class*="st-key-turn-"] { scroll-margin-top: 4rem; }
[data-testid="stElementContainer"]:has(> [data-testid="stHtml"] > script.cc-scroll) { display: none; }
</style>
"""

# [n] links point at "#<anchor>-<n>"; the source with that anchor is the expander keyed
# "src-<anchor>-<n>". A click (or a hash change) opens that expander and scrolls it into view.
# When the whole-article dialog appears, its text is scrolled so the marked quote is in view.
CITATION_SCRIPT = """
<script>
(() => {
  if (window.ccCitations) return;
  window.ccCitations = true;
  const doc = window.document;
  const safeAnchor = (hash) => {
    const anchor = decodeURIComponent((hash || "").replace(/^#/, ""));
    return /^[A-Za-z0-9_-]+$/.test(anchor) ? anchor : null;
  };
  const openSource = (anchor, attempt = 0) => {
    const box = doc.querySelector(".st-key-src-" + anchor);
    if (!box) {
      if (attempt < 20) setTimeout(() => openSource(anchor, attempt + 1), 150);
      return;
    }
    const details = box.querySelector("details");
    if (details && !details.open) {
      const summary = details.querySelector("summary");
      if (summary) summary.click();
    }
    const show = (tries) => {
      const quote = box.querySelector(".cc-context");  // drawn once the expander has opened
      if (!quote && tries > 0) {
        setTimeout(() => show(tries - 1), 100);
        return;
      }
      // Streamlit's chat keeps itself scrolled to the bottom while its content grows (the
      // expander opening): scroll again until the opening has settled.
      for (const delay of [0, 300, 700, 1200]) {
        setTimeout(() => (quote || box).scrollIntoView({ block: "center" }), delay);
      }
    };
    setTimeout(() => show(30), 100);
  };
  doc.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[href^='#']") : null;
    if (!link) return;
    const anchor = safeAnchor(link.getAttribute("href"));
    if (!anchor || !doc.querySelector(".st-key-src-" + anchor)) return;
    event.preventDefault();
    history.replaceState(null, "", "#" + anchor);
    openSource(anchor);
  }, true);
  window.addEventListener("hashchange", () => {
    const anchor = safeAnchor(window.location.hash);
    if (anchor) openSource(anchor);
  });
  const scrollToQuote = () => {
    doc.querySelectorAll(".cc-article").forEach((article) => {
      const mark = article.querySelector("mark#cc-quote");
      if (!mark || article.dataset.ccScrolled === "1") return;
      article.dataset.ccScrolled = "1";
      const top = mark.getBoundingClientRect().top - article.getBoundingClientRect().top + article.scrollTop;
      article.scrollTop = Math.max(0, top - article.clientHeight / 3);
    });
  };
  // The room a turn was given below its question while it was answered (TURN_SCRIPT) is the last turn's only:
  // another chat opened, or a turn drawn after it, takes it away.
  const roomOfTheLastOnly = () => {
    const turns = doc.querySelectorAll('[class*="st-key-turn-"]');
    for (const turn of doc.querySelectorAll("[data-cc-room]")) {
      if (turn !== turns[turns.length - 1] || turn.dataset.ccRoom !== window.ccRoomAsked) {
        turn.style.minHeight = "";
        delete turn.dataset.ccRoom;
      }
    }
  };
  const drawn = () => {
    scrollToQuote();
    roomOfTheLastOnly();
  };
  window.ccRoomOfTheLastOnly = roomOfTheLastOnly;  // TURN_SCRIPT moves the room with it
  new MutationObserver(drawn).observe(doc.body, { childList: true, subtree: true });
  const first = safeAnchor(window.location.hash);
  if (first) openSource(first);
})();
</script>
"""


# A chat turn (the question and its answer) is the container keyed "turn-<anchor>". The script below brings one
# turn's question to the top of the view; the page emits it only in the run that answers a new question, so no other
# rerun (an expander opened, a filter changed, a saved chat reloaded) scrolls. The run emits it twice, under one id
# for the question: when it is asked, it keeps the question at the top while the answer is written (a model may
# take seconds to start and more to stream it); once the answer is drawn, it aligns the question while the page
# settles, then stops. The user's first scroll, click or key press ends both for good: a page the user has moved is
# never moved back. It takes no room in the page (PAGE_STYLE hides its element) and runs once per phase even if its
# element is drawn again.
# Streamlit's chat follows the bottom of the page whenever a scroll leaves it there, and a short turn aligned at the
# top is at the bottom: it would then follow the answer down, out of the question's sight, at a pace that depends on
# the machine. So the turn being answered is given the room of the view below its question (as chat apps leave
# blank room under a new question), which keeps the aligned page off the bottom; the room moves to the next turn
# asked.
TURN_SCRIPT = """
<script class="cc-scroll">
(() => {
  const doc = window.document, selector = ".st-key-__TURN__", asked = "__ASKED__", phase = "__PHASE__";
  const done = (window.ccTurnScripts = window.ccTurnScripts || new Set());
  if (done.has(asked + phase)) return;
  done.add(asked + phase);
  const views = (window.ccTurnViews = window.ccTurnViews || new Map());
  let view = views.get(asked);
  if (!view) {
    view = { user: new AbortController(), stop: 0 };
    views.set(asked, view);
    const { signal } = view.user;
    for (const type of ["wheel", "touchstart", "keydown", "mousedown"]) {
      doc.addEventListener(type, () => view.user.abort(), { capture: true, passive: true, signal });
    }
    const roomy = (turn) => {
      const pane = turn.closest('[data-testid="stAppScrollToBottomContainer"]') || doc.scrollingElement;
      const margin = parseFloat(getComputedStyle(turn).scrollMarginTop) || 0;
      turn.style.minHeight = `${Math.max(0, pane.clientHeight - margin + 8)}px`;
      turn.dataset.ccRoom = asked;  // its question's: another chat's turn drawn in this element has none
      window.ccRoomAsked = asked;
      if (window.ccRoomOfTheLastOnly) window.ccRoomOfTheLastOnly();  // the turn asked before gives it up
    };
    const growing = new ResizeObserver(() => view.show());  // the answer being written
    view.show = () => {
      const turn = doc.querySelector(selector);
      if (!turn || signal.aborted) return;
      if (!turn.dataset.ccRoom) roomy(turn);
      turn.scrollIntoView({ block: "start" });
    };
    const watch = (tries) => {
      const turn = doc.querySelector(selector);
      if (turn) growing.observe(turn);
      else if (tries > 0) setTimeout(() => watch(tries - 1), 100);
    };
    watch(50);
    signal.addEventListener("abort", () => growing.disconnect());  // the view is kept: it stays ended
  }
  if (view.user.signal.aborted) return;
  // Streamlit draws the page in steps: align again until it has settled.
  for (const delay of [0, 300, 700, 1200, 2000]) setTimeout(() => view.show(), delay);
  // Once answered, stop after the page has settled; a run that never ends (an error) stops after three minutes.
  clearTimeout(view.stop);
  view.stop = setTimeout(() => view.user.abort(), phase === "asked" ? 180000 : 2500);
})();
</script>
"""
SAFE_ANCHOR = re.compile(r"[A-Za-z0-9_-]+")


def turn_key(anchor: str) -> str:
    """The key of the container holding a chat turn; its element carries the class `st-key-turn-<anchor>`."""
    return f"turn-{anchor}"


def new_question_id() -> str:
    """An id for one question asked, shared by the two calls of `bring_turn_into_view` that answer it."""
    return uuid.uuid4().hex


def bring_turn_into_view(anchor: str, question_id: str, *, answered: bool = False) -> None:
    """Keep the turn keyed `turn_key(anchor)` with its question at the top of the view while it is answered.

    Call it only where a new question is answered: once when it is asked (the question stays in view while the
    answer is written) and once with `answered=True` when the answer is drawn (aligned while the page settles),
    both with the same `question_id`. Once the user scrolls, clicks or types, neither moves the page again. A rerun
    that does not call it leaves the page where the user has it.
    """
    if not SAFE_ANCHOR.fullmatch(anchor):
        raise ValueError(f"not an anchor: {anchor!r}")
    if not re.fullmatch(r"[0-9a-f]{32}", question_id):
        raise ValueError(f"not a question id: {question_id!r}")
    script = (
        TURN_SCRIPT.replace("__TURN__", turn_key(anchor))
        .replace("__ASKED__", question_id)
        .replace("__PHASE__", "answered" if answered else "asked")
    )
    st.html(script, unsafe_allow_javascript=True)


def source_key(anchor: str, n: int) -> str:
    """The key of source n's expander; its element carries the class `st-key-src-<anchor>-<n>`."""
    return f"src-{anchor}-{n}"


def install_page_assets() -> None:
    """The page-wide style and the citation script (which installs itself once per browser tab); once per run."""
    st.html(PAGE_STYLE + CITATION_SCRIPT, unsafe_allow_javascript=True)
