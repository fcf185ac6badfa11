"""The same question over the same store gets the same answer in every process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Ranks the words of a question against two sentences that share different halves of them, the way the answer step
# does, and prints the scores' exact bits: a sum taken in the order of a set changes with Python's hash seed.
WEIGH = """
from rag.ranking import SentenceRanker
from rag.lexicon import content_stems
frequencies = {
    "ferri": 3, "lake": 40, "crossing": 7, "winter": 90, "pilot": 12, "harbour": 25,
    "council": 300, "schedul": 55, "storm": 18, "captain": 9, "cancel": 31, "island": 64,
}
ranker = SentenceRanker(None, frequencies, 10_000)
asked = "Which island council cancelled the winter ferry schedule after the storm on the lake crossing?"
question = content_stems(asked)
for sentence in ("The island council cancelled the ferry schedule.", "A storm on the lake crossing hit in winter."):
    print(ranker.lexical(question, sentence).hex())
"""


def test_word_scores_are_the_same_in_every_process() -> None:
    printed = set()
    for seed in ("0", "1", "2", "3", "4", "5"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", WEIGH], cwd=ROOT, env=env, capture_output=True, text=True, check=True
        )
        printed.add(run.stdout)
    assert len(printed) == 1, printed
