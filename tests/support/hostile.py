"""Article and model texts full of markup, links and script that must reach every page as text."""

from __future__ import annotations

# An article whose text carries a script, an image with a handler and a javascript: link.
INJECTION = (
    "Harbour security report.\n"
    'The harbour chief warned about <script>window.pwned = 1</script> attacks and <img src=x onerror="window.pwned=2"> '
    "fake images, and said the [official notice](javascript:alert(1)) was forged.\n"
)

# Markup and link syntax of every kind, in an article and (below) in a model's reply.
HOSTILE_ARTICLE = """---
title: Harbour <script>window.pwned=1</script> report <img src=x onerror="window.pwned=2">
---
The harbour chief warned about <script>window.pwned = 3</script> attacks on the harbour quays.
The harbour chief said fake images <img src=x onerror="window.pwned=4"> appeared on the harbour website.
The harbour chief posted [the notice](javascript:window.pwned=5) and ![a map](javascript:window.pwned=6) online.
The harbour chief found <iframe src="javascript:window.pwned=7"></iframe> frames on the harbour pages.
The harbour chief saw <svg onload="window.pwned=8"><circle r=4 /></svg> drawings.
The harbour chief clicked <a href="javascript:window.pwned=9">links</a> on the harbour site.
The harbour chief wrote &lt;b&gt;bold&lt;/b&gt; &amp; &#60;script&#62; entities in the harbour log.
"""

HOSTILE_REPLY = (
    "The harbour chief warned about <script>window.pwned = 10</script> attacks [1]. "
    'He saw <img src=x onerror="window.pwned=11"> images and [a link](javascript:window.pwned=12) [1]. '
    '<iframe src="javascript:window.pwned=13"></iframe><svg onload="window.pwned=14"></svg> drawings appeared [1]. '
    "![map](javascript:window.pwned=15) &lt;b&gt; &#60;script&#62; [1]."
)
