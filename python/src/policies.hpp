// The words Python passes for the C++ enumerations: one table per enumeration, read both ways (a
// word to its value for the arguments, a value to its word for the defaults Python checks).
#pragma once

#include <array>
#include <stdexcept>
#include <string>

#include "essnet/centrality/centralization.hpp"
#include "essnet/centrality/degree.hpp"
#include "essnet/centrality/eigenvector.hpp"
#include "essnet/community/consensus.hpp"
#include "essnet/community/quality.hpp"
#include "essnet/graph/builder.hpp"
#include "essnet/inference/cug.hpp"
#include "essnet/inference/qap.hpp"
#include "essnet/layout/forceatlas2.hpp"
#include "essnet/layout/fruchterman_reingold.hpp"
#include "essnet/layout/stress.hpp"
#include "essnet/sna/equivalence.hpp"
#include "essnet/sna/key_players.hpp"
#include "essnet/sna/robustness.hpp"
#include "essnet/sna/two_mode.hpp"
#include "essnet/temporal/temporal_graph.hpp"

namespace essnet::python {

template <class E>
struct Word {
    const char* word;
    E value;
};

inline constexpr std::array<Word<Direction>, 3> direction_words{
    {{"all", Direction::all}, {"out", Direction::out}, {"in", Direction::in}}};
inline constexpr std::array<Word<DuplicatePolicy>, 3> duplicate_words{
    {{"keep", DuplicatePolicy::keep}, {"sum", DuplicatePolicy::sum}, {"max", DuplicatePolicy::max}}};
inline constexpr std::array<Word<SelfLoopPolicy>, 2> self_loop_words{
    {{"keep", SelfLoopPolicy::keep}, {"drop", SelfLoopPolicy::drop}}};
inline constexpr std::array<Word<QualityFunction>, 3> objective_words{
    {{"modularity", QualityFunction::modularity}, {"cpm", QualityFunction::cpm}, {"CPM", QualityFunction::cpm}}};
inline constexpr std::array<Word<CommunityAlgorithm>, 3> algorithm_words{
    {{"leiden", CommunityAlgorithm::leiden},
     {"louvain", CommunityAlgorithm::louvain},
     {"label_propagation", CommunityAlgorithm::label_propagation}}};
inline constexpr std::array<Word<EigenSolver>, 2> solver_words{
    {{"krylov", EigenSolver::krylov}, {"power", EigenSolver::power}}};
inline constexpr std::array<Word<Perturbation>, 3> perturbation_words{{{"drop_ties", Perturbation::drop_ties},
                                                                       {"drop_actors", Perturbation::drop_actors},
                                                                       {"add_ties", Perturbation::add_ties}}};
inline constexpr std::array<Word<ProjectionWeight>, 3> projection_words{
    {{"none", ProjectionWeight::none}, {"count", ProjectionWeight::count}, {"newman", ProjectionWeight::newman}}};
inline constexpr std::array<Word<Repulsion>, 3> repulsion_words{
    {{"auto", Repulsion::automatic}, {"exact", Repulsion::exact}, {"barnes_hut", Repulsion::barnes_hut}}};
inline constexpr std::array<Word<QapFamily>, 2> qap_family_words{
    {{"linear", QapFamily::linear}, {"logistic", QapFamily::logistic}}};
inline constexpr std::array<Word<QapNull>, 4> qap_null_words{{{"classical", QapNull::classical},
                                                              {"qapy", QapNull::permute_y},
                                                              {"qapx", QapNull::permute_x},
                                                              {"qapspp", QapNull::semipartial}}};
inline constexpr std::array<Word<EquivalenceMethod>, 3> equivalence_method_words{
    {{"hamming", EquivalenceMethod::hamming},
     {"euclidean", EquivalenceMethod::euclidean},
     {"correlation", EquivalenceMethod::correlation}}};
inline constexpr std::array<Word<Linkage>, 3> linkage_words{
    {{"single", Linkage::single}, {"complete", Linkage::complete}, {"average", Linkage::average}}};
inline constexpr std::array<Word<BlockContent>, 7> block_content_words{
    {{"density", BlockContent::density},
     {"sum", BlockContent::sum},
     {"mean_row_sum", BlockContent::mean_row_sum},
     {"mean_column_sum", BlockContent::mean_column_sum},
     {"min", BlockContent::min},
     {"max", BlockContent::max},
     {"median", BlockContent::median}}};
inline constexpr std::array<Word<KeyPlayerMeasure>, 4> key_player_measure_words{
    {{"fragmentation", KeyPlayerMeasure::fragmentation},
     {"distance_fragmentation", KeyPlayerMeasure::distance_fragmentation},
     {"reach", KeyPlayerMeasure::reach},
     {"distance_reach", KeyPlayerMeasure::distance_reach}}};
inline constexpr std::array<Word<CugCondition>, 3> cug_condition_words{
    {{"size", CugCondition::size}, {"edges", CugCondition::edges}, {"dyad_census", CugCondition::dyad_census}}};
inline constexpr std::array<Word<StressMethod>, 4> stress_method_words{{{"auto", StressMethod::automatic},
                                                                        {"full", StressMethod::full},
                                                                        {"sparse", StressMethod::sparse},
                                                                        {"landmark", StressMethod::landmark}}};
inline constexpr std::array<Word<RepulsionRange>, 3> repulsion_range_words{
    {{"auto", RepulsionRange::automatic}, {"all_pairs", RepulsionRange::all_pairs}, {"grid", RepulsionRange::grid}}};
inline constexpr std::array<Word<CentralizationMeasure>, 3> centralization_words{
    {{"degree", CentralizationMeasure::degree},
     {"betweenness", CentralizationMeasure::betweenness},
     {"closeness", CentralizationMeasure::closeness}}};
inline constexpr std::array<Word<TimeDirection>, 2> time_direction_words{
    {{"forward", TimeDirection::forward}, {"backward", TimeDirection::backward}}};
inline constexpr std::array<Word<UndatedTies>, 2> undated_words{
    {{"never", UndatedTies::never}, {"always", UndatedTies::always}}};

/// The value `word` names in `words`; std::invalid_argument naming the parameter, the words it takes
/// and the word given otherwise ("solver must be 'krylov' or 'power', got 'arpack'").
template <class E, std::size_t N>
E value_of(const std::array<Word<E>, N>& words, const std::string& word, const char* parameter) {
    for (const auto& w : words)
        if (word == w.word) return w.value;
    std::string message = std::string(parameter) + " must be ";
    for (std::size_t i = 0; i < N; ++i)
        message += (i == 0 ? "'" : i + 1 == N ? " or '" : ", '") + std::string(words[i].word) + "'";
    throw std::invalid_argument(message + ", got '" + word + "'");
}

/// The first word that names `value`.
template <class E, std::size_t N>
const char* word_of(const std::array<Word<E>, N>& words, E value) {
    for (const auto& w : words)
        if (w.value == value) return w.word;
    throw std::logic_error("an enumeration value without a word");
}

inline DuplicatePolicy duplicate_policy(const std::string& name) {
    return value_of(duplicate_words, name, "duplicates");
}
inline SelfLoopPolicy self_loop_policy(const std::string& name) {
    return value_of(self_loop_words, name, "self_loops");
}
inline Direction direction_of(const std::string& name) {
    return value_of(direction_words, name, "direction");
}

}  // namespace essnet::python
