"""Helpers the test modules share: import them from here, never from another test module.

conftest.py holds the fixtures (pytest hands them to a test by name); these modules hold
plain functions, classes and texts:

- project.py      where the project is, the bundled corpus, Settings that ignore the environment
- ports.py        a free loopback port
- chroma.py       a real `chroma run` a test can stop and start again
- ingest.py       the counting embedder and the type of the `run_ingest` fixture
- checks.py       assertions several modules make: store consistency, the citation contract, chunks
- app.py          the Streamlit app under AppTest: start it, ask it, read its HTML
- browser.py      Debian's chromium and `streamlit run app.py` for the browser tests
- cli.py          `python -m rag ...` in a subprocess, or in this process (`main_with`; the `cli` fixture)
- generative.py   an Assistant answering through the fake OpenAI server
- fake_openai.py  the fake OpenAI server itself
- samples.py      small article files (a PDF, a news page) made on the spot
- hostile.py      article and model texts full of markup that must stay text

Their asserts are rewritten like a test module's (tests/__init__.py registers the package).
"""
