"""How common a word is, read from wordfreq's English list without importing wordfreq."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from wordfreq import zipf_frequency as wordfreq_zipf

from rag.word_frequency import SIMPLE_WORD, zipf_frequency

ROOT = Path(__file__).resolve().parent.parent


def test_every_word_is_as_common_as_wordfreq_says() -> None:
    written = [
        "the", "The", "THE", "harbour", "ferry", "Wellington", "council", "tariff", "quixotic",
        "zyzzyva", "blorptastic", "well-known", "state-of-the-art", "Bankman-Fried", "x", "a-b",
        "co-op", "Qatar", "NATO", "naïve", "café", "don't", "Japan's", "2023", "B2B", "3.5", "ﬁnance",
        "U.S.", "(NATO)", "$48", "3.5%", "O'Brien", "Japan’s", "students'", "1,200", "—", "",
    ]  # fmt: skip
    corpus = {
        w
        for path in (ROOT / "corpus").glob("*")
        if path.is_file()
        for w in re.findall(r"\w+(?:-\w+)*", path.read_text("utf-8", "replace"))
    }
    for word in [*written, *sorted(corpus)]:
        assert zipf_frequency(word) == wordfreq_zipf(word, "en"), word


def test_words_of_letters_and_hyphens_are_read_from_the_list_itself() -> None:
    assert SIMPLE_WORD.fullmatch("state-of-the-art") and SIMPLE_WORD.fullmatch("Wellington")
    assert not any(SIMPLE_WORD.fullmatch(w) for w in ["don't", "naïve", "2023", "-x", "x-", "a--b", ""])
    script = (
        "import sys\n"
        "from rag.word_frequency import zipf_frequency\n"
        "assert zipf_frequency('the') > 7 > zipf_frequency('harbour') > zipf_frequency('blorptastic') == 0\n"
        "assert 'wordfreq' not in sys.modules, 'imported wordfreq'\n"
        "assert zipf_frequency('2023') > 0 and 'wordfreq' in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
