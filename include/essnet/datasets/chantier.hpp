// Networks bundled with essnet.
#pragma once

#include "essnet/model/actor_network.hpp"

namespace essnet::datasets {

/// The international network of Québec's Chantier de l'économie sociale (1996-2012), written by
/// hand from the Chantier's own account "Sur la scène internationale": organisations, networks
/// (RIPESS, FBES), public bodies (MAMROT, the European Commission), international bodies (ILO,
/// OECD, ITUC), development banks, its president-CEO and the events (FIESS 2011, Rio+20) that tie
/// them, each tie with its year and a provenance column quoting the document. Columns and counts:
/// examples/data/chantier/README.md (installed as share/essnet/datasets/chantier/README.md).
/// The tables are compiled into the library, so this needs no file.
ActorNetwork chantier();

}  // namespace essnet::datasets
