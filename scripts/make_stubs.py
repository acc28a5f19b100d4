#!/usr/bin/env python3
"""Writes python/essnet/_core.pyi, the type stubs of the compiled module, from the signatures
pybind11 puts in its docstrings, so that every function and class of essnet._core is typed.

    .venv/bin/python scripts/make_stubs.py           # rewrite the stubs
    .venv/bin/python scripts/make_stubs.py --check   # exit 1 when the committed stubs differ

python/tests/test_stubs.py runs the check.
"""

import argparse
import inspect
import re
import sys
from pathlib import Path

STUBS = Path(__file__).resolve().parents[1] / "python" / "essnet" / "_core.pyi"
HEADER = '''# Type stubs of the compiled module essnet._core (the public API is the essnet package).
# Written by scripts/make_stubs.py from pybind11's signatures; do not edit by hand.
from typing import Any, Callable, Optional, Union, overload

import numpy as np

__version__: str
usual_kinds: list[str]
usual_relations: list[str]
triad_types: list[str]

class ParseError(ValueError):
    file: str
    line: int
    column: int
    message: str

class Cancelled(RuntimeError): ...
'''


def clean(signature: str) -> str:
    s = signature.replace("essnet._core.", "").replace("essnet::", "")
    s = re.sub(r"numpy\.ndarray\[[^\]]*\]", "np.ndarray", s)
    s = s.replace("numpy.ndarray", "np.ndarray")
    for name in ("List", "Dict", "Tuple", "Set"):
        s = re.sub(rf"\b{name}\[", f"{name.lower()}[", s)
    s = re.sub(r"\bhandle\b", "Any", s)
    return s


def strip_defaults(parameters: str) -> str:
    """Every default written as `...`, as stubs do (pybind11's reprs are not always Python)."""
    out, depth, i = [], 0, 0
    while i < len(parameters):
        c = parameters[i]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        if c == "=" and depth == 1:  # inside the outer parentheses only
            out.append("= ...")
            i += 1
            while i < len(parameters) and not (parameters[i] in ",)" and depth == 1):
                if parameters[i] in "([{<":
                    depth += 1
                elif parameters[i] in ")]}>":
                    depth -= 1
                i += 1
            continue
        out.append(c)
        i += 1
    return re.sub(r"\s*= \.\.\.", " = ...", "".join(out))


def signatures(name: str, doc: str) -> list[str]:
    """The `(parameters) -> result` of each overload of `name` in a pybind11 docstring."""
    found = []
    for line in (doc or "").splitlines():
        m = re.match(rf"\s*(?:\d+\.\s*)?{re.escape(name)}(\(.*\))\s*->\s*(.+?)\s*$", line)
        if m:
            found.append((m.group(1), m.group(2)))
    return [f"{strip_defaults(clean(p))} -> {clean(r)}" for p, r in found]


def function_stub(name: str, obj, indent: str = "", method: bool = False) -> list[str]:
    sigs = signatures(name, obj.__doc__)
    if not sigs:
        raise SystemExit(f"no signature in the docstring of {name}")
    lines = []
    for sig in sigs:
        if len(sigs) > 1:
            lines.append(f"{indent}@overload")
        if method and not re.match(r"\(self\b", sig):
            lines.append(f"{indent}@staticmethod")
        sig = re.sub(r"^\(self: [A-Za-z_.]+", "(self", sig)
        lines.append(f"{indent}def {name}{sig}: ...")
    return lines


def class_stub(name: str, cls) -> list[str]:
    lines = [f"class {name}:"]
    for member, value in sorted(vars(cls).items()):
        if member.startswith("__") and member != "__init__":
            continue
        if member == "__init__" and not (value.__doc__ or "").lstrip().startswith("__init__("):
            continue  # no constructor: made by a function of the module
        if isinstance(value, staticmethod):
            value = value.__func__
        if isinstance(value, property):
            first = (value.fget.__doc__ or "").strip().splitlines()
            m = re.search(r"->\s*(.+)$", first[0]) if first else None
            lines.append(f"    {member}: {clean(m.group(1)) if m else 'Any'}")
        elif callable(value) or inspect.isroutine(value):
            lines += function_stub(member, value, "    ", method=True)
    return lines


def make() -> str:
    import essnet._core as core

    out = HEADER.splitlines()
    skip = {"ParseError", "Cancelled", "usual_kinds", "usual_relations", "triad_types"}
    for name in sorted(n for n in dir(core) if not n.startswith("__") and n not in skip):
        obj = getattr(core, name)
        out.append("")
        if inspect.isclass(obj):
            out += class_stub(name, obj)
        else:
            out += function_stub(name, obj)
    return "\n".join(out) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="compare with the committed stubs instead of writing")
    args = ap.parse_args()
    text = make()
    if args.check:
        if STUBS.read_text() != text:
            print(f"{STUBS} differs from the module; run scripts/make_stubs.py", file=sys.stderr)
            return 1
        return 0
    STUBS.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
