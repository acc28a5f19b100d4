// A synthetic social-economy network for benchmarks of the whole pipeline.
#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>

#include "essnet/core/random.hpp"
#include "essnet/generate/generators.hpp"

namespace essnet::generate {

namespace {

// Poisson draw by inversion (the means used here are small).
std::int64_t poisson(Rng& rng, double mean) {
    if (mean <= 0) return 0;
    if (mean > 50)
        return std::max<std::int64_t>(0, std::llround(mean + std::sqrt(mean) * (rng.uniform() * 2 - 1) * 1.7320508));
    const double limit = std::exp(-mean);
    std::int64_t k = 0;
    double product = rng.uniform();
    while (product > limit) {
        ++k;
        product *= rng.uniform();
    }
    return k;
}

// Concatenation without operator+ (whose inlining makes g++ 12 warn falsely, GCC bug 105329).
std::string concat(std::initializer_list<std::string_view> parts) {
    std::string s;
    for (const auto p : parts) s.append(p);
    return s;
}

std::string two_digits(std::int32_t i) {
    std::string s = std::to_string(i);
    if (i < 10) s.insert(s.begin(), '0');
    return s;
}

}  // namespace

ActorNetwork social_economy(const SocialEconomyOptions& o) {
    if (o.num_actors < 10)
        throw std::invalid_argument("num_actors must be at least 10, got " + std::to_string(o.num_actors));
    if (o.num_years < 1) throw std::invalid_argument("num_years must be positive, got " + std::to_string(o.num_years));
    if (o.num_countries < 1 || o.num_sectors < 1)
        throw std::invalid_argument("num_countries and num_sectors must be positive");
    if (o.events_per_year < 0) throw std::invalid_argument("events_per_year must be non-negative");
    if (o.participants_per_event < 0 || o.partnerships_per_actor < 0 || o.memberships_per_actor < 0 ||
        o.funding_per_funder < 0)
        throw std::invalid_argument("the rates must be non-negative");

    Rng rng(o.seed);
    const std::int32_t last_year = o.first_year + o.num_years - 1;
    const std::string provenance = "synthetic: essnet generate social_economy, seed " + std::to_string(o.seed);
    ActorNetwork net({"sector"}, {});

    // Actors of every kind except events; kinds by fixed shares.
    struct Share {
        const char* kind;
        double share;
    };
    static constexpr Share shares[] = {{"organization", 0.60},       {"network", 0.08}, {"public_body", 0.07},
                                       {"international_body", 0.02}, {"funder", 0.05},  {"person", 0.18}};
    std::vector<std::int32_t> country(static_cast<std::size_t>(o.num_actors)), sector(country.size()),
        founded(country.size());
    std::vector<std::vector<std::int32_t>> by_kind(std::size(shares));
    std::vector<std::vector<std::int32_t>> by_country(static_cast<std::size_t>(o.num_countries));
    for (std::int32_t a = 0; a < o.num_actors; ++a) {
        double u = rng.uniform();
        std::size_t k = 0;
        while (k + 1 < std::size(shares) && u >= shares[k].share) u -= shares[k++].share;
        const auto i = static_cast<std::size_t>(a);
        // Countries and sectors skewed towards the first ones (squared uniform).
        const double cu = rng.uniform(), su = rng.uniform();
        country[i] = static_cast<std::int32_t>(cu * cu * o.num_countries);
        sector[i] = static_cast<std::int32_t>(su * su * o.num_sectors);
        founded[i] =
            o.first_year - 20 + static_cast<std::int32_t>(rng.below(static_cast<std::uint64_t>(o.num_years + 20)));
        const std::string kind = shares[k].kind;
        const bool international = kind == "international_body";
        const std::string number = std::to_string(a);
        net.add_actor_row(concat({"a", number}), concat({"Synthetic ", kind, " ", number}), kind,
                          international ? "" : concat({"country_", two_digits(country[i] + 1)}), "",
                          kind == "person" ? no_year : founded[i], {concat({"sector_", two_digits(sector[i] + 1)})});
        by_kind[k].push_back(a);
        by_country[static_cast<std::size_t>(country[i])].push_back(a);
    }
    const auto& organizations = by_kind[0];
    const auto& networks = by_kind[1];
    const auto& funders = by_kind[4];
    const auto& persons = by_kind[5];
    auto pick = [&](const std::vector<std::int32_t>& from) { return from[rng.below(from.size())]; };
    auto active = [&](std::int32_t a, std::int32_t year) { return founded[static_cast<std::size_t>(a)] <= year; };
    const std::vector<std::string_view> no_extra;

    // People lead organisations.
    for (const std::int32_t p : persons) {
        if (organizations.empty()) break;
        const std::int32_t org = pick(organizations);
        const std::int32_t start =
            std::max(founded[static_cast<std::size_t>(org)], o.first_year) + static_cast<std::int32_t>(rng.below(5));
        const std::int32_t end = rng.uniform() < 0.5 ? no_year : start + 1 + static_cast<std::int32_t>(rng.below(10));
        net.add_tie_rows(p, org, "leads", true, 1.0, std::min(start, last_year), end, provenance, no_extra);
    }

    // Yearly events: organised by an actor of the event's country, with participants drawn from
    // that country (60%) or anywhere, preferring actors that took part before (a Pólya urn).
    std::vector<std::int32_t> urn;  // one entry per past participation, plus every actor once
    for (std::int32_t a = 0; a < o.num_actors; ++a) urn.push_back(a);
    std::int32_t event_number = 0;
    for (std::int32_t year = o.first_year; year <= last_year; ++year) {
        for (std::int32_t e = 0; e < o.events_per_year; ++e, ++event_number) {
            const std::int32_t organiser = pick(urn);
            const auto oc = static_cast<std::size_t>(country[static_cast<std::size_t>(organiser)]);
            const std::int32_t event = net.add_actor_row(
                concat({"e", std::to_string(event_number)}),
                concat({"Synthetic event ", std::to_string(year), "-", std::to_string(e + 1)}), "event",
                concat({"country_", two_digits(static_cast<std::int32_t>(oc) + 1)}), "", no_year,
                {concat({"sector_", two_digits(sector[static_cast<std::size_t>(organiser)] + 1)})});
            net.add_tie_rows(organiser, event, "organized", true, 1.0, year, year, provenance, no_extra);
            const std::int64_t participants = poisson(rng, o.participants_per_event);
            for (std::int64_t k = 0; k < participants; ++k) {
                std::int32_t a = rng.uniform() < 0.6 ? pick(by_country[oc]) : pick(urn);
                if (!active(a, year) || a == organiser) continue;
                net.add_tie_rows(a, event, "participated_in", true, 1.0, year, year, provenance, no_extra);
                urn.push_back(a);
            }
        }
    }

    // Partnerships between actors of the same sector (70%) or any, with a start and, mostly, an end.
    const auto num_partnerships = static_cast<std::int64_t>(o.partnerships_per_actor * o.num_actors / 2);
    std::vector<std::vector<std::int32_t>> by_sector(static_cast<std::size_t>(o.num_sectors));
    for (std::int32_t a = 0; a < o.num_actors; ++a)
        by_sector[static_cast<std::size_t>(sector[static_cast<std::size_t>(a)])].push_back(a);
    for (std::int64_t k = 0; k < num_partnerships; ++k) {
        const std::int32_t a = pick(urn);
        const std::int32_t b = rng.uniform() < 0.7
                                   ? pick(by_sector[static_cast<std::size_t>(sector[static_cast<std::size_t>(a)])])
                                   : pick(urn);
        if (a == b) continue;
        const std::int32_t from =
            std::max({founded[static_cast<std::size_t>(a)], founded[static_cast<std::size_t>(b)], o.first_year});
        if (from > last_year) continue;
        const std::int32_t start =
            from + static_cast<std::int32_t>(rng.below(static_cast<std::uint64_t>(last_year - from + 1)));
        const std::int32_t end = rng.uniform() < 0.3 ? no_year : start + static_cast<std::int32_t>(rng.below(8));
        net.add_tie_rows(a, b, "partnership", false, 1.0, start, end, provenance, no_extra);
    }

    // Memberships of networks, preferring networks with many members.
    std::vector<std::int32_t> network_urn(networks.begin(), networks.end());
    const auto num_memberships = static_cast<std::int64_t>(o.memberships_per_actor * o.num_actors);
    for (std::int64_t k = 0; k < num_memberships && !network_urn.empty(); ++k) {
        const std::int32_t member = static_cast<std::int32_t>(rng.below(static_cast<std::uint64_t>(o.num_actors)));
        const std::int32_t group = pick(network_urn);
        if (member == group) continue;
        const std::int32_t from = std::max(
            {founded[static_cast<std::size_t>(member)], founded[static_cast<std::size_t>(group)], o.first_year});
        if (from > last_year) continue;
        const std::int32_t start =
            from + static_cast<std::int32_t>(rng.below(static_cast<std::uint64_t>(last_year - from + 1)));
        const std::int32_t end = rng.uniform() < 0.6 ? no_year : start + 1 + static_cast<std::int32_t>(rng.below(12));
        net.add_tie_rows(member, group, "member_of", true, 1.0, start, end, provenance, no_extra);
        network_urn.push_back(group);
    }

    // Funding, weighted by an amount in thousands.
    for (const std::int32_t f : funders) {
        const std::int64_t grants = poisson(rng, o.funding_per_funder);
        for (std::int64_t k = 0; k < grants; ++k) {
            const std::int32_t to = pick(urn);
            if (to == f) continue;
            const std::int32_t from =
                std::max({founded[static_cast<std::size_t>(to)], founded[static_cast<std::size_t>(f)], o.first_year});
            if (from > last_year) continue;
            const std::int32_t start =
                from + static_cast<std::int32_t>(rng.below(static_cast<std::uint64_t>(last_year - from + 1)));
            const double amount = std::round(10.0 * std::exp(3.0 * rng.uniform()));
            net.add_tie_rows(f, to, "funded", true, amount, start, start + static_cast<std::int32_t>(rng.below(4)),
                             provenance, no_extra);
        }
    }
    return net;
}

}  // namespace essnet::generate
