"""Networks bundled with essnet."""

from __future__ import annotations

from . import _core
from ._network import ActorNetwork


def chantier() -> ActorNetwork:
    """The international network of Québec's Chantier de l'économie sociale (1996-2012).

    Written by hand from the Chantier's account "Sur la scène internationale": organisations,
    networks (RIPESS, FBES), public bodies (MAMROT, the European Commission), international bodies
    (ILO, OECD, ITUC), development banks, its president-CEO and the events (FIESS 2011, Rio+20)
    that tie them; each tie has its year (when the document gives one), an ``inferred`` flag and a
    ``provenance`` column quoting the document.
    """
    return ActorNetwork(_core_network=_core.chantier())
