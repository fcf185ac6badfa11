"""The project as a wheel: installed into a fresh virtualenv, `rag` answers from there, prompts included.

The prompts are package data read with importlib.resources; a checkout finds them beside
the code whatever is declared, an installed wheel only if they were packaged. So the wheel
is built, installed (without its dependencies, which a `.pth` file borrows from the
project's environment) and run from a folder outside the checkout.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from rag.generative import ABSTAIN_REPLY
from rag.prompts import render
from rag.settings import Settings
from tests.support.fake_openai import FakeOpenAI
from tests.support.project import PROJECT

pytestmark = pytest.mark.slow
PROMPTS = sorted(p.stem for p in (PROJECT / "rag" / "prompts").glob("*.txt"))
QUESTION = "Where did Japan open an official office to NATO?"


@dataclass(frozen=True)
class Installed:
    """A fresh virtualenv with the wheel installed, and a folder outside the checkout to run in."""

    wheel: Path
    python: Path
    site_packages: Path
    workdir: Path

    def run(self, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        """The venv's python with `args`, in `workdir`, with no path leading back to the checkout."""
        environment = {k: v for k, v in os.environ.items() if not k.startswith(("RAG_", "OPENAI_"))}
        for name in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME"):
            environment.pop(name, None)
        environment.update(env or {})
        return subprocess.run(
            [str(self.python), *args], cwd=self.workdir, env=environment, capture_output=True, text=True, timeout=600
        )


def checked(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert result.returncode == 0, f"{result.args}:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """Build the wheel from the checkout's files, make a venv, install the wheel into it alone."""
    root = tmp_path_factory.mktemp("packaging")
    # Built from a copy: an in-tree build would leave build/ and *.egg-info in the checkout.
    source = root / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(PROJECT / name, source / name)
    shutil.copytree(PROJECT / "rag", source / "rag", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    quiet = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1"}
    wheels = root / "wheels"
    checked(
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(source)],
            capture_output=True,
            text=True,
            timeout=600,
            env=quiet,
        )
    )
    (wheel,) = wheels.glob("corpus_chat-*.whl")
    venv = root / "venv"
    checked(subprocess.run([sys.executable, "-m", "venv", str(venv)], capture_output=True, text=True, timeout=600))
    python = venv / "bin" / "python"
    checked(
        subprocess.run(
            [str(python), "-m", "pip", "install", "--no-deps", "--no-index", str(wheel)],
            capture_output=True,
            text=True,
            timeout=600,
            env=quiet,
        )
    )
    site = Path(
        checked(
            subprocess.run(
                [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                capture_output=True,
                text=True,
                timeout=60,
            )
        ).stdout.strip()
    )
    # The dependencies (torch, llama-index, chromadb, ...) from the project's environment, after the venv's own.
    (site / "project-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    workdir = root / "elsewhere"
    workdir.mkdir()
    return Installed(wheel, python, site, workdir)


def test_the_wheel_holds_the_package_and_its_prompts(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    assert {f"rag/prompts/{name}.txt" for name in PROMPTS} <= names and len(PROMPTS) >= 3
    assert {"rag/__init__.py", "rag/__main__.py", "rag/prompts/__init__.py", "rag/records.py"} <= names
    assert not [n for n in names if n.startswith(("tests/", "ui/", "corpus/"))]


SHOW_PROMPTS = """
import json, string, sys
from importlib import resources
import rag, rag.prompts
from rag.prompts import render
found = {}
for entry in resources.files("rag.prompts").iterdir():
    if entry.name.endswith(".txt"):
        names = string.Template(entry.read_text(encoding="utf-8")).get_identifiers()
        found[entry.name[:-4]] = render(entry.name[:-4], **{n: f"<{n}>" for n in names})
print(json.dumps({"rag": rag.__file__, "prompts": str(resources.files("rag.prompts")), "path": sys.path,
                  "rendered": found}))
"""


def test_the_installed_package_loads_every_prompt_from_itself_not_from_the_checkout(installed: Installed) -> None:
    import string

    shown = json.loads(checked(installed.run("-c", SHOW_PROMPTS)).stdout)
    assert Path(shown["rag"]).is_relative_to(installed.site_packages), shown["rag"]
    assert Path(shown["prompts"]).is_relative_to(installed.site_packages), shown["prompts"]
    dependencies = Path(sysconfig.get_paths()["purelib"]).resolve()  # the project's venv, for torch and the rest
    leading_back = [p for p in shown["path"] if p and Path(p).resolve() != dependencies]
    assert not [p for p in leading_back if Path(p).resolve().is_relative_to(PROJECT)], shown["path"]
    assert sorted(shown["rendered"]) == PROMPTS
    for name in PROMPTS:
        text = (PROJECT / "rag" / "prompts" / f"{name}.txt").read_text(encoding="utf-8")
        names = string.Template(text).get_identifiers()
        assert shown["rendered"][name] == render(name, **{n: f"<{n}>" for n in names})
        assert "$" not in shown["rendered"][name].replace("<", "").replace(">", ""), "every variable filled in"


def test_the_installed_package_answers_a_question_from_a_store(
    installed: Installed, bundled_settings: Settings
) -> None:
    result = checked(
        installed.run(
            "-m", "rag", "ask", "--json", QUESTION, env={"RAG_STORAGE_DIR": str(bundled_settings.storage_dir)}
        )
    )
    answer = json.loads(result.stdout)
    assert answer["mode"] == "extractive" and not answer["abstained"] and not answer.get("error")
    assert any("Brussels" in c["quote"] for c in answer["citations"])


def test_the_installed_package_sends_its_own_prompts_to_the_llm(
    installed: Installed, bundled_settings: Settings, llm: FakeOpenAI
) -> None:
    llm.script("Japan opened an official office to the alliance in Brussels [1].")
    env = {
        "RAG_STORAGE_DIR": str(bundled_settings.storage_dir),
        "RAG_LLM_MODEL": "test-model",
        "OPENAI_BASE_URL": llm.base_url,
        "OPENAI_API_KEY": "sk-test",
        "RAG_LLM_RETRIES": "0",
    }
    answer = json.loads(checked(installed.run("-m", "rag", "ask", "--json", QUESTION, env=env)).stdout)
    assert answer["mode"] == "generative" and not answer.get("error"), answer
    assert "Brussels" in answer["answer"] and answer["citations"]
    (request,) = llm.chat_requests
    system, user = request["messages"]
    assert system["content"] == render("answer_system", abstain_reply=ABSTAIN_REPLY)
    assert user["content"].startswith("Sources:\n\n[1] ") and user["content"].rstrip().endswith(f"Question: {QUESTION}")
