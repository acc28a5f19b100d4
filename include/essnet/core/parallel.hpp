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

}  // namespace essnet::detail
