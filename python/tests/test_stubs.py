"""The type stubs of essnet._core cover every function and class, as the module is now."""

import subprocess
import sys
from pathlib import Path

import essnet._core

ROOT = Path(__file__).resolve().parents[2]


def test_stubs_are_those_the_module_gives():
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_stubs.py"), "--check"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_every_public_name_of_the_module_is_typed():
    text = (ROOT / "python" / "essnet" / "_core.pyi").read_text()
    for name in dir(essnet._core):
        if not name.startswith("__"):
            assert f"def {name}(" in text or f"class {name}" in text or f"{name}:" in text, name
