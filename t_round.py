import sys, tempfile, pathlib
sys.path.insert(0, "tests"); sys.path.insert(0, ".")
import test_real_questions as t
from conftest import build_embedder, make_settings
emb = build_embedder(make_settings())
corpus = getattr(t, sys.argv[1])
a = t.assistant_over(pathlib.Path(tempfile.mkdtemp()) / "articles", corpus, emb)
for q in sys.argv[2:]:
    ans = a.ask(q)
    print(ans.text); print([(c.doc_id[:6], c.quote[:70]) for c in ans.citations]); print()
