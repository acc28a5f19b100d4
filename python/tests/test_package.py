"""The layout of the Python package: one module for files, no hidden import cycles."""

import ast
import pathlib

import essnet
import essnet.io

PACKAGE = pathlib.Path(essnet.__file__).parent


def test_every_reader_and_writer_is_in_essnet_io():
    names = [n for n in essnet.__all__ if n.startswith(("read_", "write_")) or n in ("load", "save")]
    assert len(names) >= 14
    for name in names:
        assert getattr(essnet.io, name) is getattr(essnet, name), name
    assert sorted(essnet.io.__all__) == sorted(names)


def test_no_module_of_the_package_is_imported_inside_a_function():
    # A function-local import of a sibling module is how an import cycle hides; there must be none.
    local = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(), filename=str(path))
        for function in ast.walk(tree):
            if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for node in ast.walk(function):
                    if isinstance(node, ast.ImportFrom) and node.level > 0:
                        local.append(f"{path.name}:{node.lineno}")
    assert local == []
