#!/usr/bin/env bash
# Builds the documentation (Sphinx, warnings as errors) into build/docs: open build/docs/index.html.
# The notebooks are rendered with their outputs: they are executed first (by their tests, which write
# build/notebooks/) when an executed copy is missing or older than its notebook.
set -euo pipefail
cd "$(dirname "$0")/.."
# An executed copy is stale when its notebook, or the installed package, is newer.
package=$(.venv/bin/python -c "import essnet, os; print(os.path.dirname(essnet.__file__))")
stale=0
for nb in examples/notebooks/*.ipynb; do
  done_nb="build/notebooks/$(basename "$nb")"
  if [ ! -f "$done_nb" ] || [ "$nb" -nt "$done_nb" ] || [ -n "$(find "$package" -newer "$done_nb" -print -quit)" ]; then
    stale=1
  fi
done
if [ "$stale" = 1 ]; then
  echo "essnet docs: executing the notebooks"
  .venv/bin/python -m pytest python/tests/test_notebooks.py -q -p no:cacheprovider
fi
rm -rf build/docs docs/notebooks
.venv/bin/python -m sphinx -W --keep-going -q -b html -d build/docs-doctrees docs build/docs
echo "documentation: build/docs/index.html"
