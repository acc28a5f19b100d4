// essnet: graph analytics for social-economy networks. One header for everything.
#pragma once

#include "essnet/centrality/degree.hpp"
#include "essnet/components/connected_components.hpp"
#include "essnet/core/error.hpp"
#include "essnet/core/types.hpp"
#include "essnet/datasets/chantier.hpp"
#include "essnet/generate/generators.hpp"
#include "essnet/generate/random.hpp"
#include "essnet/graph/builder.hpp"
#include "essnet/graph/graph.hpp"
#include "essnet/graph/selection.hpp"
#include "essnet/io/csv.hpp"
#include "essnet/io/edgelist.hpp"
#include "essnet/io/file_error.hpp"
#include "essnet/model/actor_network.hpp"
#include "essnet/version.hpp"
