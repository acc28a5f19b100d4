// Seeded random actor networks with awkward values, and a field-by-field comparison, for the
// round-trip tests of the file formats.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "essnet/model/actor_network.hpp"

namespace essnet::test {

/// Values that break naive writers: non-ASCII, quotes, commas, line breaks, markup, blanks.
inline const std::vector<std::string>& awkward_texts() {
    static const std::vector<std::string> texts{"Chantier de l'économie sociale",
                                                "RIPESS \"Intercontinental\"",
                                                "a, b; c",
                                                "two\nlines",
                                                "tab\there",
                                                "<b>&amp;</b>",
                                                "  leading and trailing  ",
                                                "Fórum Brasileiro de Economia Solidária",
                                                "日本語",
                                                "x",
                                                "quote ' and \\ backslash",
                                                "crlf\r\nline",
                                                "100",
                                                "2.5",
                                                "true"};
    return texts;
}

/// A network of `actors` actors and `ties` ties with every field used, some values empty, mixed
/// directions, parallel ties and self-loops. std::mt19937_64 draws raw numbers only (no
/// standard-library distribution), so the network is the same on every platform.
inline ActorNetwork random_network(std::uint64_t seed, int actors = 30, int ties = 80, bool mixed_directions = true) {
    std::mt19937_64 rng(seed);
    auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
    const auto& texts = awkward_texts();
    auto text = [&](int empty_one_in) {
        return pick(static_cast<std::size_t>(empty_one_in)) == 0 ? std::string() : texts[pick(texts.size())];
    };
    ActorNetwork net({"acronym", "members", "score", "listed"}, {"note", "amount"});
    const std::vector<std::string> kinds{"organization", "network", "event", "funder", ""};
    for (int i = 0; i < actors; ++i) {
        Actor a;
        a.id = (i % 3 == 0 ? texts[pick(texts.size())] + " #" : std::string("a")) + std::to_string(i);
        a.name = text(4);
        a.kind = kinds[pick(kinds.size())];
        a.country = pick(3) ? std::string(pick(2) ? "CA" : "BR") : std::string();
        a.region = text(2);
        a.founded = pick(3) ? static_cast<std::int32_t>(1900 + pick(120)) : no_year;
        a.extra = {{"acronym", text(3)},
                   {"members", pick(4) ? std::to_string(pick(5000)) : std::string()},
                   {"score", pick(4) ? std::to_string(static_cast<double>(pick(1000)) / 8) : std::string()},
                   {"listed", pick(4) ? std::string(pick(2) ? "true" : "false") : std::string()}};
        net.add_actor(a);
    }
    const std::vector<std::string> relations{"founded", "member_of", "partnership", "participated_in", ""};
    for (int i = 0; i < ties; ++i) {
        Tie t;
        t.source = net.actors().id[pick(static_cast<std::size_t>(actors))];
        t.target = i % 17 == 0 ? t.source : net.actors().id[pick(static_cast<std::size_t>(actors))];
        t.relation = relations[pick(relations.size())];
        t.directed = mixed_directions ? pick(3) != 0 : true;
        t.weight = pick(3) ? 1.0 : static_cast<double>(pick(1000)) / 7;
        t.start_year = pick(3) ? static_cast<std::int32_t>(1990 + pick(30)) : no_year;
        t.end_year = t.start_year != no_year && pick(2) ? t.start_year + static_cast<std::int32_t>(pick(5)) : no_year;
        t.provenance = text(2);
        t.extra = {{"note", text(2)}, {"amount", pick(2) ? std::to_string(pick(100000)) : std::string()}};
        net.add_tie(t);
        if (i % 11 == 0) net.add_tie(t);  // a parallel tie
    }
    return net;
}

/// What a format keeps, for expect_same_network.
struct Kept {
    bool names = true, kinds = true, countries = true, regions = true, founded = true;
    bool relations = true, weights = true, years = true, provenance = true, directions = true;
    bool actor_extras = true, tie_extras = true;
};

/// Checks that every extra column of `want` is in `got` with the same values (`rows` of them); an
/// empty column need not be written.
inline void expect_same_extras(const std::vector<ExtraColumn>& want, const std::vector<ExtraColumn>& got,
                               std::size_t rows, const std::string& what) {
    for (const auto& column : want) {
        bool any = false;
        for (std::size_t i = 0; i < rows; ++i) any = any || !column.values[i].empty();
        const ExtraColumn* other = nullptr;
        for (const auto& c : got)
            if (c.name == column.name) other = &c;
        if (!any && !other) continue;
        ASSERT_NE(other, nullptr) << what << " column " << column.name;
        for (std::size_t i = 0; i < rows; ++i)
            EXPECT_EQ(column.values[i], other->values[i]) << column.name << " of " << what << " " << i;
    }
}

/// Checks that `got` holds what `want` holds, field by field, as far as `kept` says.
inline void expect_same_network(const ActorNetwork& want, const ActorNetwork& got, const Kept& kept = {}) {
    const auto& a = want.actors();
    const auto& b = got.actors();
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        SCOPED_TRACE("actor " + a.id[i]);
        EXPECT_EQ(a.id[i], b.id[i]);
        if (kept.names) {
            EXPECT_EQ(a.name[i], b.name[i]);
        }
        if (kept.kinds) {
            EXPECT_EQ(a.kind[i], b.kind[i]);
        }
        if (kept.countries) {
            EXPECT_EQ(a.country[i], b.country[i]);
        }
        if (kept.regions) {
            EXPECT_EQ(a.region[i], b.region[i]);
        }
        if (kept.founded) {
            EXPECT_EQ(a.founded[i], b.founded[i]);
        }
    }
    if (kept.actor_extras) expect_same_extras(a.extra, b.extra, a.size(), "actor");
    const auto& s = want.ties();
    const auto& t = got.ties();
    ASSERT_EQ(s.size(), t.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        SCOPED_TRACE("tie " + std::to_string(i));
        EXPECT_EQ(a.id[static_cast<std::size_t>(s.source[i])], b.id[static_cast<std::size_t>(t.source[i])]);
        EXPECT_EQ(a.id[static_cast<std::size_t>(s.target[i])], b.id[static_cast<std::size_t>(t.target[i])]);
        if (kept.relations) {
            EXPECT_EQ(s.relation[i], t.relation[i]);
        }
        if (kept.directions) {
            EXPECT_EQ(s.directed[i], t.directed[i]);
        }
        if (kept.weights) {
            EXPECT_EQ(s.weight[i], t.weight[i]);
        }
        if (kept.years) {
            EXPECT_EQ(s.start_year[i], t.start_year[i]);
            EXPECT_EQ(s.end_year[i], t.end_year[i]);
        }
        if (kept.provenance) {
            EXPECT_EQ(s.provenance[i], t.provenance[i]);
        }
    }
    if (kept.tie_extras) expect_same_extras(s.extra, t.extra, s.size(), "tie");
}

}  // namespace essnet::test
