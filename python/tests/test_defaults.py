"""Every default of a Python function equals the default of the C++ option it fills.

The C++ options structs decide the defaults; ``_core.option_defaults()`` reads them from
default-constructed structs. Each Python signature repeats them so that help() shows them, and this
test keeps the two the same, in both directions: every C++ option has a Python keyword with that
default, and every Python keyword with a default is a C++ option (or one of the few that exist only in
Python, listed here).
"""

import inspect

import pytest

import essnet
from essnet import _core

DEFAULTS = _core.option_defaults()
PYTHON_ONLY = {"progress"}  # a tqdm bar or a callback: no C++ option takes a Python object
# Data that C++ takes as an argument of its own, not as an option.
ARGUMENTS = {"ego_measures": {"groups"}, "leiden_multiplex": {"layer_weights"},
             # what to analyse and where to write it
             "report": {"out", "title", "relations", "years", "directed", "weighted"},
             # the graph selection of every window, as ActorNetwork.graph takes it
             "layout.over_time": {"cumulative", "relations", "kinds", "directed", "weight", "duplicates", "self_loops"},
             # what to draw and how to read it: Python objects that become the C++ scene's inputs
             # computed columns to write beside the network: data, not an option
             "write_gexf": {"node_data"},
             "average_shortest_path_length": {"by_component"},
             "distances": {"sources"},
             "draw": {"pos", "layout", "color", "size", "label", "network", "seed", "ax"},
             # the ties journeys follow, as ActorNetwork.graph selects them; what reachable returns
             **{f"temporal.{name}": {"relations", "kinds", "directed"}
                for name in ("earliest_arrival", "journey", "closeness", "betweenness")},
             "temporal.reachable": {"relations", "kinds", "directed", "sets"},
             # the pairs QAP reads follow the graphs given unless set; the predictors' names
             "inference.qap_correlation": {"directed"},
             "inference.qap_regression": {"directed", "names"},
             **{f"temporal.{name}": {"relations", "kinds"}
                for name in ("tie_changes", "tie_durations", "activity_spells")}}


def function(name):
    target = essnet
    for part in name.split("."):
        target = getattr(target, part)
    return target


def test_the_table_covers_the_functions_with_options():
    assert len(DEFAULTS) >= 30
    for name in ("pagerank", "eigenvector", "katz", "hits", "betweenness", "leiden", "label_propagation", "consensus"):
        assert name in DEFAULTS


@pytest.mark.parametrize("name", sorted(DEFAULTS))
def test_python_defaults_equal_cpp_defaults(name):
    parameters = inspect.signature(function(name)).parameters
    cpp = DEFAULTS[name]
    for option, value in cpp.items():
        assert option in parameters, f"essnet.{name} has no keyword {option!r}"
        default = parameters[option].default
        assert default is not inspect.Parameter.empty, f"essnet.{name}({option}=...) has no default; C++ has {value!r}"
        assert isinstance(default, bool) == isinstance(value, bool), (name, option, default, value)
        assert default == value, f"essnet.{name}: Python default {option}={default!r}, C++ default {value!r}"
    for option, parameter in parameters.items():
        if parameter.default is not inspect.Parameter.empty and option not in PYTHON_ONLY | ARGUMENTS.get(name, set()):
            assert option in cpp, f"essnet.{name}({option}={parameter.default!r}) has no C++ option default"
