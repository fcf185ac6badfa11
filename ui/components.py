"""Pieces the pages share: the answer with its citations, the sidebar, the resources."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import streamlit as st

from rag.answer import Answer, Citation
from rag.assistant import Assistant
from rag.briefing import Briefing
from rag.citations import quote_in_context
from rag.compare import Comparison
from rag.errors import CorpusChatError
from rag.pdf_pages import PageImage, PdfPageError, original_pdf, page_image
from rag.records import ArticleRecord, AskOptions, Evidence, Filters, IndexStatus
from rag.render import credits_of, render_markdown
from rag.report import (
    briefing_fragment,
    briefing_html,
    briefing_markdown,
    briefing_pdf,
    comparison_markdown,
    file_name,
)
from rag.settings import Settings, get_settings
from rag.speakers import speaker_index
from ui.safe import escape_html, escape_markdown
from ui.style import STYLE, source_key


@st.cache_resource(show_spinner="Loading the index and the embedder…")
def get_assistant() -> Assistant:
    """One Assistant per server process: store, embedder, BM25, shared by every session."""
    assistant = Assistant.open(get_settings())
    assistant.warm_up()
    return assistant


def plural(count: int, noun: str) -> str:
    """'1 article', '2 articles'."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


OPTIONS_KEY = "ask_options"


def current_options() -> AskOptions:
    """What the sidebar (drawn by app.py on every page) sets for the next request."""
    options = st.session_state.get(OPTIONS_KEY)
    return options if isinstance(options, AskOptions) else AskOptions()


def store_description(status: IndexStatus, settings: Settings) -> str:
    """Where the index lives, without a server path: the storage folder's name, or the Chroma server."""
    if status.mode == "server":
        return status.location
    return f"folder “{settings.storage_dir.name}”"


def render_sidebar(assistant: Assistant) -> AskOptions:
    """Engine, retrieval options, filters and index status; drawn once per run, by app.py.

    Its widgets live in the entry script, so their values survive page switches; the choices
    are kept in the session for the pages (`current_options`).
    """
    records = assistant.articles()
    with st.sidebar:
        st.markdown("**Engine**")
        st.caption(escape_markdown(assistant.engine_description))
        if assistant.llm is None:
            st.caption("Set RAG\\_LLM\\_MODEL and OPENAI\\_API\\_KEY (or OPENAI\\_BASE\\_URL) for generative answers.")
        top_k = st.slider("Passages to retrieve (top-k)", 2, 20, assistant.settings.top_k, key="top_k")
        per_article = st.number_input(
            "At most this many passages per article (0: no limit)", 0, 20, 0, step=1, key="per_article"
        )
        with st.expander("Filters"):
            filters = _filter_widgets(records)
        if not filters.empty:  # seen with the expander closed: every answer, on every page, is limited by them
            titles = {r.doc_id: r.title for r in records}
            shown = replace(filters, doc_ids=tuple(titles.get(d, d) for d in filters.doc_ids))
            st.caption(f"Filters on: {escape_markdown(shown.describe())}")
        st.markdown("**Index**")
        try:
            status = assistant.status()  # the article list is cached, not re-read per rerun
        except CorpusChatError as exc:  # a Chroma server that is away: say so, keep the page usable
            st.caption(f"Unavailable: {escape_markdown(str(exc))}")
        else:
            st.caption(
                f"{plural(status.articles, 'article')} · {plural(status.chunks, 'chunk')}  \n"
                f"Embedder: {escape_markdown(status.embedder)}  \n"
                f"Store: {status.mode} ({escape_markdown(store_description(status, assistant.settings))})"
            )
    options = AskOptions(top_k=top_k, per_article=int(per_article) or None, filters=filters)
    st.session_state[OPTIONS_KEY] = options
    return options


def _filter_widgets(records: list[ArticleRecord]) -> Filters:
    """The filters the CLI's `ask` takes: articles, sources, authors, speakers, a date range."""
    titles = {r.doc_id: r.title for r in records}
    doc_ids = st.multiselect("Articles", list(titles), format_func=lambda d: titles[d], key="f_articles")
    sources = sorted({r.source for r in records if r.source})
    authors = sorted({r.author for r in records if r.author})
    speakers = sorted({s.name for s in speaker_index(records)})
    chosen_sources = st.multiselect("Sources", sources, key="f_sources") if sources else []
    chosen_authors = st.multiselect("Authors", authors, key="f_authors") if authors else []
    chosen_speakers = st.multiselect("Speakers", speakers, key="f_speakers") if speakers else []
    since, until = _date_pickers(records)
    return Filters(
        doc_ids=tuple(doc_ids),
        sources=tuple(chosen_sources),
        authors=tuple(chosen_authors),
        speakers=tuple(chosen_speakers),
        published_from=since,
        published_to=until,
    )


def _date_pickers(records: list[ArticleRecord]) -> tuple[str, str]:
    """Two date pickers bounded by the first and last publication dates, empty (no filter) by default."""
    dated = sorted(d for d in (_as_date(r.published) for r in records) if d is not None)
    if not dated:
        st.caption("No article has a publication date to filter on.")
        return "", ""
    first, last = dated[0], dated[-1]
    since = st.date_input("Published from", value=None, min_value=first, max_value=last, key="f_since")
    until = st.date_input("Published until", value=None, min_value=first, max_value=last, key="f_until")
    return _iso(since), _iso(until)


def _iso(chosen: object) -> str:
    return chosen.isoformat() if isinstance(chosen, date) else ""


def _as_date(published: str) -> date | None:
    """A stored publication date (YYYY, YYYY-MM or YYYY-MM-DD) as its first day; None if unknown."""
    parts = [int(p) for p in published.split("-") if p.isdigit()]
    if not parts:
        return None
    try:
        return date(*[*parts, 1, 1][:3])
    except ValueError:
        return None


UNSUPPORTED_FLAG = ' <span class="cc-flag">unsupported</span>'


def answer_html(answer: Answer, anchor: str) -> str:
    """The answer as HTML: escaped text, [n] linked to its source, unsupported sentences marked."""
    parts = []
    for i, sentence in enumerate(answer.sentences):
        links = "".join(
            f'<a class="cc-cite" href="#{anchor}-{n}" title="Source {n}">[{n}]</a>' for n in sentence.citations
        )
        text = escape_html(sentence.text)
        if i == 0 and answer.verdict:  # a yes/no question's answer opens with its verdict
            text = f'<strong class="cc-verdict">{text}</strong>'
        if sentence.supported:
            parts.append(f"{text}{links}")
        else:
            parts.append(
                f'<span class="cc-unsupported" title="Its citations do not support this sentence">{text}</span>'
                f"{links}{UNSUPPORTED_FLAG}"
            )
    return f'<div class="cc-answer">{" ".join(parts)}</div>'


def render_answer(assistant: Assistant, answer: Answer, anchor: str) -> None:
    """An answer, its sources in context, its export, and the debug view.

    A request for a comparison or a briefing is shown as one, as on its own page.
    """
    if isinstance(answer.report, Comparison):
        render_comparison(assistant, answer.report, anchor)
        return
    if isinstance(answer.report, Briefing):
        render_briefing(assistant, answer.report, anchor)
        return
    if answer.error:
        st.error(answer.text)
    elif answer.abstained:
        st.info(f"No answer in the corpus. {answer.text}", icon=":material/search_off:")
    else:
        st.html(STYLE + answer_html(answer, anchor))
        if answer.unsupported:
            st.warning(
                f"{len(answer.unsupported)} sentence(s) are not supported by their citations.",
                icon=":material/warning:",
            )
    timings = " · ".join(f"{k} {v:.0f} ms" for k, v in answer.timings_ms.items() if k != "total")
    st.caption(f"{answer.mode} · {answer.timings_ms.get('total', 0):.0f} ms ({timings})")
    if answer.standalone_question and answer.standalone_question != answer.question:
        st.caption(f"Understood as: {escape_markdown(answer.standalone_question)}")
    render_sources(assistant, answer.citations, anchor)
    if answer.citations or answer.abstained:
        st.download_button(
            "Download this answer (.md)",
            render_markdown([answer], credits_of(assistant.articles())),
            file_name=file_name("answer", answer.question, "md"),
            mime="text/markdown",
            key=f"download-{anchor}",
        )
    with st.expander("Debug: retrieved passages and prompt"):
        for i, passage in enumerate(answer.passages, start=1):
            ranks = ", ".join(f"{k} #{v}" for k, v in sorted(passage.ranks.items()))
            st.markdown(
                f"**{i}.** {escape_markdown(passage.title)} [{passage.start_char}:{passage.end_char}] · "
                f"score {passage.score:.4f} ({ranks})"
            )
            st.text(passage.text)
        for message in answer.prompt:
            st.markdown(f"**Prompt · {message['role']}**")
            st.code(message["content"], language=None)


def render_sources(assistant: Assistant, citations: list[Citation], anchor: str) -> None:
    """Each citation as an expander: the quote highlighted in its paragraph, the article a click away."""
    for citation in citations:
        flag = " (unsupported)" if not citation.supported else ""
        icon = ":material/warning:" if not citation.supported else None
        page = f" · p. {citation.page}" if citation.page else ""
        with st.expander(f"[{citation.n}] {citation.title}{page}{flag}", icon=icon, key=source_key(anchor, citation.n)):
            record = next((r for r in assistant.articles() if r.doc_id == citation.doc_id), None)
            meta = [x for x in (record.source, record.author, record.published) if x] if record else []
            where = f"{citation.where} [{citation.start_char}:{citation.end_char}]"
            st.caption(escape_markdown(" · ".join([*meta, where])))
            try:
                text = assistant.article_text(citation.doc_id)
            except CorpusChatError:
                st.warning("This article has been removed from the index since this was written.")
                text = None
            if text is not None:
                context = quote_in_context(text, citation.start_char, citation.end_char)
                highlighted = f"{escape_html(context.before)}<mark>{escape_html(context.quote)}</mark>"
                st.html(STYLE + f'<div class="cc-context">{highlighted}{escape_html(context.after)}</div>')
                if st.button("Read the whole article", key=f"read-{anchor}-{citation.n}"):
                    show_article(assistant, citation.doc_id, citation.start_char, citation.end_char)
            if record is not None and citation.page:
                show_original_pdf(record, citation.page, citation.quote, key=f"pdf-{anchor}-{citation.n}")


def show_original_pdf(record: ArticleRecord, page: int, quote: str, key: str) -> None:
    """The page of the original PDF the quote is on, drawn with the quote marked, the pages around it a click away.

    The file itself downloads from the button beside them.
    """
    original = original_pdf(record)
    if original is None:
        st.caption(f"p. {page} of {escape_markdown(record.name)} (the original file is no longer on the server)")
        return
    # The page turned to is kept per article and cited page: another chat's [n] under the same key starts afresh.
    pdf_page_viewer(original, record.name, page, quote, key, state=f"{key}-page-{record.doc_id}-{page}")


PDF_PAGE_WIDTH = 660  # CSS pixels: a page is read at the width of a column of text, not the whole window
PDF_PAGE_FRAME = 560  # CSS pixels of the page in view at once (about the top 60% of an A4 page)


@st.fragment
def pdf_page_viewer(original: Path, name: str, cited: int, quote: str, key: str, state: str) -> None:
    """One page of `original` (at first the cited one, then the one kept under `state`); turning a page
    reruns this fragment only."""
    shown = st.session_state.get(state, cited)
    try:
        image: PageImage | None = page_image(original, shown, quote=quote if shown == cited else "")
    except PdfPageError as exc:
        st.warning(f"{escape_markdown(name)}: {escape_markdown(str(exc))}", icon=":material/warning:")
        image = None
    if image is not None:
        where = f"p. {image.page} of the original PDF ({plural(image.pages, 'page')})"
        if image.page != cited:
            where += f" · the quote is on p. {cited}"
        elif image.marked:
            where += " · the quote is marked"
        st.caption(where)
        # A frame the page scrolls in, so a whole page does not push the rest away. The PNG goes to the
        # browser as drawn (Streamlit would shrink it to an `int` width), so it stays sharp when zoomed.
        with st.container(border=True, width=PDF_PAGE_WIDTH, height=PDF_PAGE_FRAME):
            st.image(image.png, width="stretch", output_format="PNG", alt=f"Page {image.page} of {name}")
    back, forward, download = st.columns([1, 1, 3], vertical_alignment="center")
    if image is not None:
        back.button(
            "Previous page",
            key=f"{key}-back",
            icon=":material/chevron_left:",
            disabled=image.page <= 1,
            on_click=turn_pdf_page,
            args=(state, image.page - 1),
        )
        forward.button(
            "Next page",
            key=f"{key}-forward",
            icon=":material/chevron_right:",
            disabled=image.page >= image.pages,
            on_click=turn_pdf_page,
            args=(state, image.page + 1),
        )
    download.download_button(
        f"Open the original PDF (the quote is on p. {cited})",
        original.read_bytes,
        file_name=original.name,
        mime="application/pdf",
        key=key,
        icon=":material/picture_as_pdf:",
    )


def turn_pdf_page(state: str, page: int) -> None:
    """Show `page` next in the PDF viewer whose page is kept under `state`."""
    st.session_state[state] = page


@st.dialog("Article", width="large")
def show_article(assistant: Assistant, doc_id: str, start: int, end: int) -> None:
    """The whole article, the cited passage highlighted."""
    record = assistant.article(doc_id)
    text = record.text or ""
    st.markdown(f"### {escape_markdown(record.title)}")
    st.caption(
        escape_markdown(" · ".join(x for x in (record.source, record.author, record.published, record.name) if x))
    )
    st.html(
        STYLE + f'<div class="cc-article">{escape_html(text[:start])}<mark id="cc-quote">{escape_html(text[start:end])}'
        f"</mark>{escape_html(text[end:])}</div>"
    )


def render_comparison(assistant: Assistant, comparison: Comparison, anchor: str) -> None:
    """The viewpoint matrix, where figures differ or agree, the sources in context and a download."""
    numbers = comparison.n

    def cites(evidence: list[Evidence]) -> str:
        return "".join(f'<sup><a href="#{anchor}-{numbers(e)}">[{numbers(e)}]</a></sup>' for e in evidence)

    rows = []
    for cell in comparison.cells:
        label = escape_html(cell.group.label)
        detail = f'<div class="cc-detail">{escape_html(cell.group.detail)}</div>' if cell.group.detail else ""
        if cell.sentences:
            said = " ".join(
                (
                    escape_html(text)
                    if ok
                    else f'<span class="cc-unsupported">{escape_html(text)}</span>{UNSUPPORTED_FLAG}'
                )
                + cites(evidence)
                for text, evidence, ok in cell.sentences
            )
        else:
            said = "<em>nothing found</em>"
        rows.append(f"<tr><td><strong>{label}</strong>{detail}</td><td>{said}</td></tr>")
    table = (
        '<table class="cc-matrix"><thead><tr><th>'
        + escape_html(comparison.by)
        + "</th><th>what it says</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )
    st.html(STYLE + table)
    for heading, contrasts in comparison.contrast_sections():
        st.subheader(heading)
        if not contrasts:
            st.caption("None found.")
        for contrast in contrasts:
            sides = "; ".join(
                f"<strong>{escape_html(g)}</strong>: {escape_html(f or 'says')}{cites([e])}"
                for g, e, f in contrast.sides
            )
            st.html(STYLE + f"<div>{escape_html(contrast.what)} — {sides}</div>")
    if comparison.unmentioned:
        st.info("The corpus does not mention " + ", ".join(escape_markdown(t) for t in comparison.unmentioned) + ".")
    if comparison.left_out_note:
        st.caption(comparison.left_out_note)
    st.subheader("Sources")
    render_sources(assistant, comparison.numbering.citations, anchor=anchor)
    st.download_button(
        "Download the comparison (.md)",
        comparison_markdown(comparison, credits_of(assistant.articles())),
        file_name=file_name("comparison", comparison.topic, "md"),
        mime="text/markdown",
        key=f"download-{anchor}",
    )
    st.caption(f"{comparison.mode} · {comparison.timings_ms.get('total', 0):.0f} ms")


def render_briefing(assistant: Assistant, briefing: Briefing, anchor: str) -> None:
    """The briefing as a page, its downloads (.md, .html, .pdf on demand) and the sources in context."""
    credits = credits_of(assistant.articles())  # outlet, author and date beside each source's title
    markdown, page = briefing_markdown(briefing, credits), briefing_html(briefing, credits)
    md_col, html_col, pdf_col = st.columns(3)
    downloads = ((md_col, markdown, "md", "text/markdown"), (html_col, page, "html", "text/html"))
    for column, data, extension, mime in downloads:
        name = file_name("briefing", briefing.topic, extension)
        column.download_button(f"Download .{extension}", data, file_name=name, mime=mime, key=f"{extension}-{anchor}")
    pdfs: dict[str, bytes] = st.session_state.setdefault("briefing_pdfs", {})
    if pdf_col.button("Make a PDF", key=f"make-pdf-{anchor}"):
        pdfs[anchor] = briefing_pdf(briefing, credits)
    if anchor in pdfs:
        pdf_col.download_button(
            "Download .pdf",
            pdfs[anchor],
            file_name=file_name("briefing", briefing.topic, "pdf"),
            mime="application/pdf",
            key=f"pdf-{anchor}",
        )
    st.html(STYLE + f'<div class="cc-briefing">{briefing_fragment(briefing, credits)}</div>')  # escaped by rag.report
    st.subheader("Sources in context")
    render_sources(assistant, briefing.numbering.citations, anchor=anchor)
