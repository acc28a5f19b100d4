// Principal eigenvectors of the non-negative matrices behind eigenvector centrality, Katz and HITS,
// one connected component at a time.
//
// The spectrum of a graph is the union of its components' spectra, so the principal eigenvector of
// the whole graph lives on the component(s) with the largest eigenvalue. Components are visited in
// decreasing order of an upper bound on their eigenvalue (a norm of their matrix), and those whose
// bound cannot reach the best eigenvalue found are skipped. A component is solved densely when small
// (Eigen) and by a restarted Krylov method when large (Spectra: Lanczos for symmetric matrices,
// Arnoldi for the rest), with matrix-vector products that run in parallel and give the same
// result on any number of threads.
#pragma once

// g++ 12 reports a false -Wuse-after-free inside Eigen's aligned_free when inlined into Spectra's
// Hessenberg eigensolver (a false positive of that compiler), at the location of Eigen's header.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 12
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuse-after-free"
#endif
#include <Spectra/GenEigsSolver.h>
#include <Spectra/SymEigsSolver.h>

#include <Eigen/Dense>
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 12
#pragma GCC diagnostic pop
#endif
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <vector>

#include "essnet/centrality/iterative.hpp"
#include "essnet/components/connected_components.hpp"
#include "essnet/graph/graph.hpp"

namespace essnet::detail::spectral {

// Two eigenvalues this close (relative) belong to one eigenspace: components tied at the top share it.
inline constexpr double tie = 1e-10;
// Components up to this size are solved densely.
inline constexpr std::int64_t dense_limit = 200;

// Rows of a square matrix over one component's nodes, numbered 0..size-1: row i holds the entries
// (column, value) of M(i, .). `values` is empty when every entry is 1 (an unweighted graph without
// undirected self-loops), so that a product streams the columns alone.
struct Rows {
    std::vector<std::int64_t> offsets{0};
    std::vector<std::int32_t> columns{};
    std::vector<double> values{};
    std::int64_t size() const { return static_cast<std::int64_t>(offsets.size()) - 1; }
    double value(std::int64_t a) const { return values.empty() ? 1.0 : values[static_cast<std::size_t>(a)]; }

    // y = M x, each row by one thread.
    void multiply(const double* x, double* y) const {
        const std::int64_t n = size();
        const bool unit = values.empty();
#pragma omp parallel for schedule(dynamic, 1024) if (n > 4096)
        for (std::int64_t i = 0; i < n; ++i) {
            double s = 0;
            const auto begin = offsets[static_cast<std::size_t>(i)], end = offsets[static_cast<std::size_t>(i) + 1];
            if (unit) {
                for (auto a = begin; a < end; ++a) s += x[columns[static_cast<std::size_t>(a)]];
            } else {
                for (auto a = begin; a < end; ++a)
                    s += values[static_cast<std::size_t>(a)] * x[columns[static_cast<std::size_t>(a)]];
            }
            y[i] = s;
        }
    }
    Eigen::MatrixXd dense() const {
        Eigen::MatrixXd m = Eigen::MatrixXd::Zero(size(), size());
        for (std::int64_t i = 0; i < size(); ++i)
            for (auto a = offsets[static_cast<std::size_t>(i)]; a < offsets[static_cast<std::size_t>(i) + 1]; ++a)
                m(i, columns[static_cast<std::size_t>(a)]) += value(a);
        return m;
    }
};

// The operator a component is solved for: M = A^T (eigenvector, Katz; A when undirected) or A^T A
// (HITS authorities), A restricted to the component.
struct Operator {
    Rows transpose{};  // rows of A^T: row v lists the in-arcs u -> v
    Rows forward{};    // rows of A, filled only for A^T A
    bool gram = false;
    bool symmetric = false;
    mutable std::vector<double> scratch;
    mutable std::int64_t products = 0;

    using Scalar = double;  // Spectra's operator interface
    Eigen::Index rows() const { return transpose.size(); }
    Eigen::Index cols() const { return transpose.size(); }
    void perform_op(const double* x, double* y) const {
        ++products;
        if (!gram) return transpose.multiply(x, y);
        scratch.resize(static_cast<std::size_t>(rows()));
        forward.multiply(x, scratch.data());
        transpose.multiply(scratch.data(), y);
    }
    Eigen::MatrixXd dense() const {
        if (!gram) return transpose.dense();
        const Eigen::MatrixXd a = forward.dense();
        return a.transpose() * a;
    }
};

// One component's principal eigenpair: the eigenvalue of largest real part (the Perron root) and its
// eigenvector (unit L2 norm, non-negative up to rounding), with how the solve went.
struct Eigenpair {
    double value = 0;
    std::vector<double> vector{};
    bool converged = true;
    std::int64_t products = 0;
    double residual = 0;  // ||M x - value x||_2 / |value|
};

// Signs the vector so that its entries sum to a positive number, clears the negative rounding noise
// a Perron vector cannot have, and scales it to unit L2 norm.
inline void orient(std::vector<double>& x) {
    double sum = 0;
    for (const double v : x) sum += v;
    if (sum < 0)
        for (auto& v : x) v = -v;
    for (auto& v : x) v = std::max(v, 0.0);
    const double norm = l2_norm(x);
    if (norm > 0)
        for (auto& v : x) v /= norm;
}

// ||M x - value x||_2 / |value| (0 for the eigenvalue 0): the relative residual, which does not
// change when the weights are scaled.
inline double residual_norm(const Operator& op, const std::vector<double>& x, double value) {
    if (value == 0) return 0;
    std::vector<double> y(x.size());
    op.perform_op(x.data(), y.data());
    for (std::size_t i = 0; i < y.size(); ++i) y[i] -= value * x[i];
    return l2_norm(y) / std::abs(value);
}

inline Eigenpair solve_dense(const Operator& op) {
    Eigenpair p;
    const Eigen::MatrixXd m = op.dense();
    const auto n = static_cast<std::size_t>(m.rows());
    p.vector.resize(n);
    if (op.symmetric) {
        const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(m);
        const Eigen::Index top = m.rows() - 1;  // eigenvalues in increasing order
        p.value = solver.eigenvalues()(top);
        for (std::size_t i = 0; i < n; ++i) p.vector[i] = solver.eigenvectors()(static_cast<Eigen::Index>(i), top);
    } else {
        const Eigen::EigenSolver<Eigen::MatrixXd> solver(m);
        Eigen::Index top = 0;
        for (Eigen::Index i = 1; i < m.rows(); ++i)
            if (solver.eigenvalues()(i).real() > solver.eigenvalues()(top).real()) top = i;
        p.value = solver.eigenvalues()(top).real();
        for (std::size_t i = 0; i < n; ++i)
            p.vector[i] = solver.eigenvectors()(static_cast<Eigen::Index>(i), top).real();
    }
    orient(p.vector);
    p.residual = residual_norm(op, p.vector, p.value);
    return p;
}

// Restarted Lanczos or Arnoldi, stopping when the Ritz residual falls below tolerance x |value|.
inline Eigenpair solve_krylov(Operator& op, int max_restarts, double tolerance) {
    Eigenpair p;
    const Eigen::Index n = op.rows();
    const Eigen::Index ncv = std::min<Eigen::Index>(n, 24);
    Eigen::VectorXd x;
    if (op.symmetric) {
        Spectra::SymEigsSolver<Operator> solver(op, 1, ncv);
        solver.init();
        solver.compute(Spectra::SortRule::LargestAlge, max_restarts, tolerance);
        p.converged = solver.info() == Spectra::CompInfo::Successful;
        if (solver.eigenvalues().size() > 0) {
            p.value = solver.eigenvalues()(0);
            x = solver.eigenvectors().col(0);
        }
    } else {
        Spectra::GenEigsSolver<Operator> solver(op, 1, ncv);
        solver.init();
        solver.compute(Spectra::SortRule::LargestReal, max_restarts, tolerance);
        p.converged = solver.info() == Spectra::CompInfo::Successful;
        if (solver.eigenvalues().size() > 0) {
            p.value = solver.eigenvalues()(0).real();
            x = solver.eigenvectors().col(0).real();
        }
    }
    p.products = op.products;
    if (x.size() != n) {  // nothing converged: no vector to report
        p.converged = false;
        p.vector.assign(static_cast<std::size_t>(n), 0.0);
        p.residual = std::numeric_limits<double>::infinity();
        return p;
    }
    p.vector.assign(x.data(), x.data() + n);
    orient(p.vector);
    p.residual = residual_norm(op, p.vector, p.value);
    return p;
}

// Whether the arcs of positive weight within the rows form a cycle (a self-loop counts): without
// one, a non-negative matrix is nilpotent and its only eigenvalue is 0 (Kahn's topological sort).
inline bool has_cycle(const Rows& transpose) {
    const std::int64_t n = transpose.size();
    std::vector<std::int64_t> in_count(static_cast<std::size_t>(n), 0);  // rows of A^T: row v has v's in-arcs
    std::vector<std::vector<std::int32_t>> successors(static_cast<std::size_t>(n));
    for (std::int64_t v = 0; v < n; ++v)
        for (auto a = transpose.offsets[static_cast<std::size_t>(v)];
             a < transpose.offsets[static_cast<std::size_t>(v) + 1]; ++a)
            if (transpose.value(a) > 0) {
                ++in_count[static_cast<std::size_t>(v)];
                successors[static_cast<std::size_t>(transpose.columns[static_cast<std::size_t>(a)])].push_back(
                    static_cast<std::int32_t>(v));
            }
    std::vector<std::int64_t> ready;
    for (std::int64_t v = 0; v < n; ++v)
        if (in_count[static_cast<std::size_t>(v)] == 0) ready.push_back(v);
    std::int64_t removed = 0;
    while (!ready.empty()) {
        const auto u = ready.back();
        ready.pop_back();
        ++removed;
        for (const auto v : successors[static_cast<std::size_t>(u)])
            if (--in_count[static_cast<std::size_t>(v)] == 0) ready.push_back(v);
    }
    return removed < n;
}

// The principal eigenpair of one component's operator: exact for a single node and for a matrix
// without cycles (eigenvalue 0, the vector left empty), dense when small, Krylov otherwise.
inline Eigenpair solve(Operator& op, int max_restarts, double tolerance) {
    const std::int64_t n = op.rows();
    if (n == 1) {
        Eigenpair p;
        p.vector = {1.0};
        p.value = op.dense()(0, 0);
        return p;
    }
    if (!op.symmetric && !has_cycle(op.transpose)) return {};
    if (n <= dense_limit) return solve_dense(op);
    return solve_krylov(op, max_restarts, tolerance);
}

// The nodes of every component and each node's number within its component.
struct Components {
    ComponentsResult parts{};
    std::vector<std::vector<node_id>> members{};
    std::vector<std::int32_t> local{};
};

inline Components components_of(const Graph& g) {
    Components c{connected_components(g), {}, std::vector<std::int32_t>(static_cast<std::size_t>(g.num_nodes()))};
    c.members.resize(c.parts.sizes.size());
    for (node_id u = 0; u < g.num_nodes(); ++u) {
        auto& m = c.members[static_cast<std::size_t>(c.parts.membership[static_cast<std::size_t>(u)])];
        c.local[static_cast<std::size_t>(u)] = static_cast<std::int32_t>(m.size());
        m.push_back(u);
    }
    return c;
}

// Rows of A^T (in-arcs, `incoming`) or of A (out-arcs) over the members of one component.
inline Rows rows_of(const Graph& g, bool weighted, double scale, const std::vector<node_id>& members,
                    const std::vector<std::int32_t>& local, bool incoming) {
    Rows r;
    r.offsets.reserve(members.size() + 1);
    for (const node_id v : members) {
        const auto nbrs = incoming ? g.in_neighbors(v) : g.out_neighbors(v);
        const auto edges = incoming ? g.in_edges(v) : g.out_edges(v);
        for (std::size_t i = 0; i < nbrs.size(); ++i) {
            r.columns.push_back(local[static_cast<std::size_t>(nbrs[i])]);
            r.values.push_back((incoming ? arc_weight(g, nbrs[i], v, edges[i], weighted)
                                         : arc_weight(g, v, nbrs[i], edges[i], weighted)) /
                               scale);
        }
        r.offsets.push_back(static_cast<std::int64_t>(r.columns.size()));
    }
    if (std::all_of(r.values.begin(), r.values.end(), [](double w) { return w == 1.0; })) {
        r.values.clear();
        r.values.shrink_to_fit();
    }
    return r;
}

// What is solved for each component.
enum class Problem { adjacency, gram };

// The largest weight: matrices are solved divided by it (eigenvectors do not change, eigenvalues
// scale back), so that weights near 1e160 do not overflow in A^T A or in the residuals.
inline double weight_scale(const Graph& g, bool weighted) {
    double largest = 0;
    if (weighted)
        for (const double w : g.weights()) largest = std::max(largest, w);
    return largest > 0 ? largest : 1.0;
}

inline Operator operator_of(const Graph& g, bool weighted, double scale, Problem problem, const Components& c,
                            std::size_t k) {
    Operator op;
    op.transpose = rows_of(g, weighted, scale, c.members[k], c.local, true);
    op.gram = problem == Problem::gram;
    if (op.gram) op.forward = rows_of(g, weighted, scale, c.members[k], c.local, false);
    op.symmetric = op.gram || !g.directed();
    return op;
}

// An upper bound on every component's principal eigenvalue: the spectral radius is at most any
// induced norm, so min(largest in-strength, largest out-strength) for A^T, and their product for A^T A.
inline std::vector<double> eigenvalue_bounds(const Graph& g, bool weighted, double scale, Problem problem,
                                             const Components& c) {
    std::vector<double> in(c.members.size(), 0.0), out(c.members.size(), 0.0);
    for (node_id u = 0; u < g.num_nodes(); ++u) {
        double s_out = 0, s_in = 0;
        const auto on = g.out_neighbors(u);
        const auto oe = g.out_edges(u);
        for (std::size_t i = 0; i < on.size(); ++i) s_out += arc_weight(g, u, on[i], oe[i], weighted) / scale;
        const auto inn = g.in_neighbors(u);
        const auto ie = g.in_edges(u);
        for (std::size_t i = 0; i < inn.size(); ++i) s_in += arc_weight(g, inn[i], u, ie[i], weighted) / scale;
        const auto k = static_cast<std::size_t>(c.parts.membership[static_cast<std::size_t>(u)]);
        out[k] = std::max(out[k], s_out);
        in[k] = std::max(in[k], s_in);
    }
    std::vector<double> bound(c.members.size());
    for (std::size_t k = 0; k < bound.size(); ++k)
        bound[k] = problem == Problem::gram ? in[k] * out[k] : std::min(in[k], out[k]);
    return bound;
}

// The principal eigenvector of the whole graph, scattered to its nodes, and the eigenvalue.
struct Principal {
    double value = 0;
    std::vector<double> vector{};
    bool converged = true;
    std::int64_t products = 0;
    double residual = 0;  // relative, as Eigenpair's
};

// Solves only the components that can hold the largest eigenvalue. Components tied at the top
// (within `tie`) share the eigenspace equally: each contributes its unit vector times 1/sqrt(k), a
// unit vector of that eigenspace that does not depend on the order of the nodes. When the largest
// eigenvalue is 0 (no edges, or a directed graph without cycles), the answer is the uniform vector
// over the nodes without out-arcs, which is an eigenvector of A^T for 0.
inline Principal principal(const Graph& g, bool weighted, Problem problem, int max_restarts, double tolerance) {
    const Components c = components_of(g);
    const double scale = weight_scale(g, weighted);
    const auto bounds = eigenvalue_bounds(g, weighted, scale, problem, c);
    std::vector<std::size_t> order(c.members.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return bounds[a] > bounds[b]; });
    Principal result;
    result.vector.assign(static_cast<std::size_t>(g.num_nodes()), 0.0);
    std::vector<std::pair<std::size_t, Eigenpair>> top;
    double best = 0;
    for (const auto k : order) {
        if (bounds[k] < best * (1 - tie) || bounds[k] == 0) break;
        Operator op = operator_of(g, weighted, scale, problem, c, k);
        Eigenpair p = solve(op, max_restarts, tolerance);
        result.products += p.products;
        if (!p.converged) {  // its eigenvalue is unknown, so the answer is not proven either way
            result.converged = false;
            result.residual = std::numeric_limits<double>::infinity();
        }
        if (p.value > best * (1 + tie)) {
            best = p.value;
            top.clear();
        }
        if (p.value >= best * (1 - tie) && p.value > 0) top.emplace_back(k, std::move(p));
    }
    if (top.empty()) {  // largest eigenvalue 0
        std::int64_t sinks = 0;
        for (node_id u = 0; u < g.num_nodes(); ++u) sinks += g.out_degree(u) == 0;
        for (node_id u = 0; u < g.num_nodes(); ++u)
            if (g.out_degree(u) == 0)
                result.vector[static_cast<std::size_t>(u)] = 1 / std::sqrt(static_cast<double>(sinks));
        return result;  // converged stays false if a component's solve failed
    }
    result.value = problem == Problem::gram ? best * scale * scale : best * scale;
    const double share = 1 / std::sqrt(static_cast<double>(top.size()));
    for (const auto& [k, p] : top) {
        for (std::size_t i = 0; i < p.vector.size(); ++i)
            result.vector[static_cast<std::size_t>(c.members[k][i])] = share * p.vector[i];
        result.converged = result.converged && p.converged;
        result.residual = std::max(result.residual, p.residual);
    }
    return result;
}

// Every component's own principal eigenvector (unit norm each), for per-component centrality. A
// component whose largest eigenvalue is 0 gets the uniform vector over its nodes without out-arcs.
inline Principal per_component(const Graph& g, bool weighted, Problem problem, int max_restarts, double tolerance) {
    const Components c = components_of(g);
    const double scale = weight_scale(g, weighted);
    Principal result;
    result.vector.assign(static_cast<std::size_t>(g.num_nodes()), 0.0);
    for (std::size_t k = 0; k < c.members.size(); ++k) {
        Operator op = operator_of(g, weighted, scale, problem, c, k);
        Eigenpair p = solve(op, max_restarts, tolerance);
        if (p.vector.empty()) {
            std::int64_t sinks = 0;
            for (const node_id u : c.members[k]) sinks += g.out_degree(u) == 0;
            for (const node_id u : c.members[k])
                p.vector.push_back(g.out_degree(u) == 0 ? 1 / std::sqrt(double(sinks)) : 0.0);
        }
        for (std::size_t i = 0; i < p.vector.size(); ++i)
            result.vector[static_cast<std::size_t>(c.members[k][i])] = p.vector[i];
        result.value = std::max(result.value, problem == Problem::gram ? p.value * scale * scale : p.value * scale);
        result.converged = result.converged && p.converged;
        result.products += p.products;
        result.residual = std::max(result.residual, p.residual);
    }
    return result;
}

}  // namespace essnet::detail::spectral
