"""Sphinx configuration of essnet's documentation (built by scripts/docs.sh into build/docs)."""

import os
import pathlib
import sys

import essnet

ROOT = pathlib.Path(__file__).resolve().parent.parent

project = "essnet"
copyright = "the essnet authors"
version = release = essnet.__version__
extensions = ["sphinx.ext.autodoc", "sphinx.ext.napoleon", "myst_parser"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]
html_theme = "alabaster"
html_title = f"essnet {release}"
html_theme_options = {"description": "Graph analytics for social-economy networks", "fixed_sidebar": True,
                      "page_width": "1180px", "sidebar_width": "230px"}
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
napoleon_numpy_docstring = True
napoleon_google_docstring = False
myst_heading_anchors = 3
suppress_warnings = ["myst.header"]  # notebook headings start where the notebook's do


def _notebooks(app):
    """Converts the executed notebooks (build/notebooks, written by the notebook tests, which
    scripts/docs.sh runs first when they are missing or older) into Markdown pages with their
    outputs, under notebooks/ in the source tree (ignored by git)."""
    import nbformat
    from nbconvert import MarkdownExporter

    executed = pathlib.Path(os.environ.get("ESSNET_EXECUTED_NOTEBOOKS", ROOT / "build" / "notebooks"))
    out = pathlib.Path(app.srcdir) / "notebooks"
    out.mkdir(exist_ok=True)
    for source in sorted((ROOT / "examples" / "notebooks").glob("*.ipynb")):
        path = executed / source.name
        if not path.exists():
            raise RuntimeError(f"{path} is missing: run scripts/docs.sh, which executes the notebooks first")
        nb = nbformat.read(path, as_version=4)
        body, resources = MarkdownExporter().from_notebook_node(nb, resources={"output_files_dir": source.stem})
        (out / source.stem).mkdir(exist_ok=True)
        for name, data in resources.get("outputs", {}).items():
            (out / name).write_bytes(data)
        (out / f"{source.stem}.md").write_text(body, encoding="utf-8")


def setup(app):
    app.connect("builder-inited", _notebooks)
    sys.path.insert(0, str(ROOT))
