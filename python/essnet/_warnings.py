"""Warnings essnet raises."""

from __future__ import annotations

import warnings


class ConvergenceWarning(RuntimeWarning):
    """An iterative method stopped at its iteration limit before meeting its stopping rule. The
    result is the last iterate; its ``.converged`` is False and ``.residual`` says how far it got."""


def warn_unconverged(measure: str, iterations: int, residual: float, tolerance: float) -> None:
    warnings.warn(f"{measure} did not converge: {iterations} iterations reached a residual of {residual:.3g}, "
                  f"above the tolerance {tolerance:.3g}; raise max_iterations", ConvergenceWarning, stacklevel=3)
