// Seeded random graph generators: the same graph for the same seed on any machine and thread count.
#pragma once

#include <cstdint>
#include <vector>

#include "essnet/graph/graph.hpp"
#include "essnet/model/actor_network.hpp"

namespace essnet::generate {

struct ErdosRenyiOptions {
    node_id n = 0;       ///< nodes
    std::int64_t m = 0;  ///< edges (arcs when directed)
    bool directed = false;
    std::uint64_t seed = 0;
};

/// Erdős–Rényi G(n, m): a graph drawn uniformly among the simple graphs (no self-loops, no
/// parallel edges) with n nodes and exactly m edges (networkx's gnm_random_graph).
/// O(n + m) expected time. Throws std::invalid_argument when n < 0, m < 0 or m exceeds the number
/// of node pairs.
Graph erdos_renyi(const ErdosRenyiOptions& options);

struct BarabasiAlbertOptions {
    node_id n = 0;  ///< nodes
    node_id m = 1;  ///< edges from each new node
    std::uint64_t seed = 0;
};

/// Barabási–Albert preferential attachment (Barabási & Albert 1999, Science 286:509), as networkx's
/// barabasi_albert_graph: a star on m+1 nodes, then each new node links to m distinct existing
/// nodes chosen with probability proportional to their degree. Undirected, simple,
/// m + (n - m - 1) * m edges; degrees follow P(k) ~ k^-3. O(n m) time.
/// Throws std::invalid_argument unless 1 <= m < n.
Graph barabasi_albert(const BarabasiAlbertOptions& options);

struct SbmOptions {
    std::vector<node_id> sizes{};                      ///< nodes in each block
    std::vector<std::vector<double>> probabilities{};  ///< edge probability between blocks r and s
    bool directed = false;
    std::uint64_t seed = 0;
};

struct SbmResult {
    Graph graph{};
    std::vector<std::int32_t> block;  ///< block of each node (nodes are numbered block by block)
};

/// Stochastic block model: block b has sizes[b] nodes; each pair (u, v) with u in block r and v
/// in block s is an edge with probability probabilities[r][s] (symmetric when undirected), drawn
/// with geometric skips (Batagelj & Brandes 2005, Phys. Rev. E 71:036113) in O(n + m) time.
/// No self-loops. Throws std::invalid_argument for negative sizes, a non-square or (undirected)
/// asymmetric matrix, or probabilities outside [0, 1].
SbmResult stochastic_block_model(const SbmOptions& options);

struct LfrOptions {
    node_id n = 1000;
    double average_degree = 20;
    node_id max_degree = 50;
    double mu = 0.3;                  ///< mixing: the share of each node's edges that leave its community
    double degree_exponent = 2.5;     ///< tau1, for P(k) ~ k^-tau1
    double community_exponent = 1.5;  ///< tau2, for community sizes
    node_id min_community = 20;
    node_id max_community = 100;
    std::uint64_t seed = 0;
};

struct LfrResult {
    Graph graph{};
    std::vector<std::int32_t> community{};  ///< ground-truth community of each node
    double mixing = 0;                      ///< realised mixing: inter-community edge ends / all edge ends
};

/// LFR benchmark graph (Lancichinetti, Fortunato & Radicchi 2008, Phys. Rev. E 78:046110):
/// power-law degrees (exponent tau1, given average and maximum) and community sizes (exponent tau2,
/// given minimum and maximum); each node has a share mu of its edges outside its community. Nodes
/// are placed in communities large enough for their internal degree, internal and external stubs
/// are matched by configuration models, and self-loops, parallel edges and misplaced edges are
/// removed by degree-preserving rewiring. Undirected, unweighted, simple. O(m) expected time.
/// Throws std::invalid_argument for inconsistent parameters (mu outside [0, 1], min_community >
/// max_community, communities too small for the degrees, ...).
LfrResult lfr(const LfrOptions& options);

struct RmatOptions {
    int scale = 16;                       ///< 2^scale nodes
    int edge_factor = 16;                 ///< edge_factor * 2^scale edges drawn
    double a = 0.57, b = 0.19, c = 0.19;  ///< Graph500 parameters; d = 1 - a - b - c
    bool directed = false;
    /// Keep the raw draws (self-loops and repeated edges, as Graph500 does); by default they are
    /// removed, so the graph is simple with somewhat fewer than edge_factor * 2^scale edges.
    bool simple = true;
    /// Relabel the nodes by a random permutation (Graph500), so that degree is not tied to id.
    bool scramble = true;
    std::uint64_t seed = 0;
};

/// R-MAT / Kronecker graph (Chakrabarti, Zhan & Faloutsos 2004) with the Graph500 parameters.
/// Edges are drawn in parallel in fixed blocks, each from its own random stream, so the result does
/// not depend on the thread count. O(m scale) time.
Graph rmat(const RmatOptions& options);

struct SocialEconomyOptions {
    std::int32_t num_actors = 1000;  ///< organisations, networks, public bodies, funders, people
    std::int32_t first_year = 1990;
    std::int32_t num_years = 30;
    std::int32_t num_countries = 20;
    std::int32_t num_sectors = 8;
    std::int32_t events_per_year = 10;
    double participants_per_event = 12;  ///< mean
    double partnerships_per_actor = 2;   ///< mean over the period
    double memberships_per_actor = 1;    ///< mean, in networks
    double funding_per_funder = 5;       ///< mean
    std::uint64_t seed = 0;
};

/// A synthetic social-economy network, clearly labelled as such (actor names start with
/// "Synthetic", every tie's provenance names the generator and seed): actors of every usual kind
/// in several countries and sectors (extra actor column "sector"), founded over the period; yearly
/// events organised by one actor with participants drawn preferentially from the event's country
/// and sector; partnerships (undirected) and memberships of networks with start and end years; and
/// funding ties. Sized by num_actors and the rates, it spans 10^3 to 10^7 ties. O(actors + ties).
ActorNetwork social_economy(const SocialEconomyOptions& options);

}  // namespace essnet::generate
