// Krackhardt's kite (Krackhardt 1990, "Assessing the political landscape"), numbered as in
// networkx's krackhardt_kite_graph: Andre 0, Beverly 1, Carol 2, Diane 3, Ed 4, Fernando 5,
// Garth 6, Heather 7, Ike 8, Jane 9: a dense kite of seven (0-6), its tail 7 - 8 - 9 hanging
// from 5 and 6.
#pragma once

#include "support/graphs.hpp"

namespace essnet::test {

inline Graph krackhardt_kite() {
    return make_graph(10, {{0, 1},
                           {0, 2},
                           {0, 3},
                           {0, 5},
                           {1, 3},
                           {1, 4},
                           {1, 6},
                           {2, 3},
                           {2, 5},
                           {3, 4},
                           {3, 5},
                           {3, 6},
                           {4, 6},
                           {5, 6},
                           {5, 7},
                           {6, 7},
                           {7, 8},
                           {8, 9}});
}

}  // namespace essnet::test
