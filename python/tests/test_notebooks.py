"""The example notebooks run from top to bottom without an error, and are stored without outputs.

Each runs in a fresh kernel of this interpreter (the one with essnet installed), from its own folder.
The executed copies go to build/notebooks/, where the documentation build picks them up.
"""

import json
import os
import sys
import time

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "examples" / "notebooks").glob("*.ipynb"))
EXECUTED = ROOT / "build" / "notebooks"


def test_there_are_notebooks():
    assert {p.name for p in NOTEBOOKS} >= {"chantier.ipynb", "your_own_data.ipynb", "peers.ipynb",
                                           "robustness_and_evolution.ipynb"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_stored_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [], f"{path.name}: a code cell keeps its outputs"
            assert cell["execution_count"] is None, f"{path.name}: a code cell keeps its execution count"
    assert set(nb["metadata"]) <= {"kernelspec", "language_info"}, f"{path.name}: metadata {sorted(nb['metadata'])}"


@pytest.fixture(scope="module")
def kernel_of_this_interpreter(tmp_path_factory):
    """A "python3" kernel spec that runs sys.executable, found first through JUPYTER_PATH, so that the
    notebooks run where essnet is installed (the system's spec names /usr/bin/python3)."""
    spec = tmp_path_factory.mktemp("jupyter") / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-Xfrozen_modules=off", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (essnet)", "language": "python",
        "env": {"PYDEVD_DISABLE_FILE_VALIDATION": "1"}}))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JUPYTER_PATH", str(spec.parent.parent) + os.pathsep + os.environ.get("JUPYTER_PATH", ""))
        patch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
        yield


# What each notebook's text says of its results, checked in the outputs.
CLAIMS = {
    "chantier.ipynb": ["mean stability: <b>1</b>", "actors with stability below 0.5: <b>0</b>",
                       # the journey from the 2001 meeting to Rio+20, and where the meeting reaches along the ties
                       "0  rencontre_2001  chantier  2001", "1        chantier     rio20  2012",
                       "['rencontre_2001', 'ripess']"],
    "robustness_and_evolution.ipynb": ["Synthetic"],
}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path, kernel_of_this_interpreter):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.execute()  # raises CellExecutionError, with the cell and the traceback, on any error
    seconds = time.perf_counter() - start
    print(f"{path.name}: {seconds:.1f} s")
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
    shown = json.dumps([o for c in nb.cells if c.cell_type == "code" for o in c.outputs], ensure_ascii=False)
    for claim in CLAIMS.get(path.name, []):
        assert claim in shown, f"{path.name}: the outputs do not show {claim!r}"
    EXECUTED.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, EXECUTED / path.name)
