// OpenMP thread count and id, with the one-thread answers when essnet is built without OpenMP.
#pragma once

#ifdef _OPENMP
#include <omp.h>
#endif

namespace essnet::detail {

inline int thread_count() {
#ifdef _OPENMP
    return omp_get_max_threads();
#else
    return 1;
#endif
}

inline int thread_id() {
#ifdef _OPENMP
    return omp_get_thread_num();
#else
    return 0;
#endif
}

// Threads in the current team (1 outside a parallel region, or inside a nested one that runs alone).
inline int team_size() {
#ifdef _OPENMP
    return omp_get_num_threads();
#else
    return 1;
#endif
}

}  // namespace essnet::detail
