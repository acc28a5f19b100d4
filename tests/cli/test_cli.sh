#!/usr/bin/env bash
# Command-line tests: the report on the bundled network, its options, CSV and edge-list inputs, exit codes.
set -u
essnet=$1
data=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
check() {  # check NAME EXPECTED_STATUS COMMAND...
    local name=$1 expected=$2
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    local status=$?
    if [ "$status" -ne "$expected" ]; then
        echo "FAIL $name: exit $status, expected $expected"; cat "$tmp/out" "$tmp/err"; failures=$((failures + 1))
    else
        echo "ok   $name"
    fi
}
contains() {  # contains NAME FILE TEXT
    if grep -qF -- "$3" "$2"; then echo "ok   $1"; else echo "FAIL $1: '$3' not in $2"; failures=$((failures + 1)); fi
}

check bundled 0 "$essnet" analyze --out "$tmp/chantier"
for f in report.html summary.md results.json actors_by_kind.csv ties_by_relation.csv ties_by_year.csv centrality.csv \
         top_actors.csv brokerage_kind.csv brokerage_country.csv structural_holes.csv communities.csv blocs.csv \
         ei_index.csv evolution.csv robustness.csv; do
    [ -s "$tmp/chantier/$f" ] && echo "ok   bundled writes $f" || { echo "FAIL bundled: $f missing"; failures=$((failures + 1)); }
done
contains bundled-stdout-names-output "$tmp/out" "Report written to $tmp/chantier"
# By hand from examples/data/chantier/ties.csv: the Chantier has 11 ties, the most.
contains bundled-top-actor "$tmp/chantier/top_actors.csv" "degree,1,chantier,"
contains bundled-kinds "$tmp/chantier/actors_by_kind.csv" "event,6"
contains bundled-interactive "$tmp/chantier/report.html" 'id="essnet-map-data"'
# Nothing in the report loads from elsewhere: no attribute or style names another host.
grep -qiE '(src|href|action)="(https?:)?//|url\((https?:)?//|@import' "$tmp/chantier/report.html" &&
    { echo "FAIL the report names an external resource"; failures=$((failures + 1)); }
ls -a "$tmp" "$tmp/chantier" | grep -q '\.tmp-\|\.old-' && { echo "FAIL temporary files left"; failures=$((failures + 1)); }
# An earlier report is replaced whole: a file it had that the new one does not write is gone.
touch "$tmp/chantier/stale.csv"
check bundled-again 0 "$essnet" analyze --out "$tmp/chantier" --format md,csv --no-interactive
[ -e "$tmp/chantier/stale.csv" ] && { echo "FAIL the old report's files stay"; failures=$((failures + 1)); }
[ -e "$tmp/chantier/report.html" ] && { echo "FAIL --format md,csv wrote report.html"; failures=$((failures + 1)); }
contains bundled-again-md "$tmp/chantier/summary.md" "22 actors and 25 ties"
check html-only-without-map 0 "$essnet" analyze --out "$tmp/static" --format html --no-interactive
grep -q 'essnet-map-data' "$tmp/static/report.html" && { echo "FAIL --no-interactive kept the map"; failures=$((failures + 1)); }
check years-and-relations 0 "$essnet" analyze --years 2009-2011 --relations participated_in,organized --out "$tmp/window"
# By hand from ties.csv: participated_in and organized ties active in 2009-2011: 4 begun in 2009,
# 7 in 2011, and those of 2001 and 2006, which have no end year: 13 ties.
contains years-and-relations-ties "$tmp/window/summary.md" "22 actors and 13 ties"
# The year-by-year table starts at the window: by 2009, the ties of 2001, 2006 and 2009.
contains years-and-relations-first-year "$tmp/window/evolution.csv" "2009,6,6,"
check group-country 0 "$essnet" analyze --group country --measures degree,pagerank --out "$tmp/country"
[ -e "$tmp/country/brokerage_kind.csv" ] && { echo "FAIL --group country also grouped by kind"; failures=$((failures + 1)); }
contains group-country-measures "$tmp/country/centrality.csv" "id,name,kind,country,degree,degree_rank,pagerank,pagerank_rank"
check unknown-group 2 "$essnet" analyze --group sector --out "$tmp/x"
contains unknown-group-lists-columns "$tmp/err" "no actor column 'sector'; the columns are id, name, kind, country, region, founded, acronym"
check unknown-measure 2 "$essnet" analyze --measures degree,fame --out "$tmp/x"
contains unknown-measure-lists "$tmp/err" "unknown measure 'fame'; the measures are degree, strength"
check bad-years 2 "$essnet" analyze --years 2012-2001 --out "$tmp/x"
check bad-years-text 2 "$essnet" analyze --years soon --out "$tmp/x"
check unknown-relation 2 "$essnet" analyze --relations loves --out "$tmp/x"
check unknown-format 2 "$essnet" analyze --format pdf --out "$tmp/x"
check no-format 2 "$essnet" analyze --format "" --out "$tmp/x"
check repeated-measure 2 "$essnet" analyze --measures degree,degree --out "$tmp/x"
[ -e "$tmp/x" ] && { echo "FAIL a usage error wrote a report"; failures=$((failures + 1)); }

check csv 0 "$essnet" analyze "$data/small_actors.csv" "$data/small_ties.csv" --out "$tmp/small"
# By hand: member_of ripess, partnership with fbes, organized fiess. The network has an undirected
# tie, so the graph is undirected by default.
contains csv-top "$tmp/small/top_actors.csv" "degree,1,chantier,Chantier de l'économie sociale,3"
contains csv-components "$tmp/small/summary.md" "1 component (the largest"
check csv-directed 0 "$essnet" analyze "$data/small_actors.csv" "$data/small_ties.csv" --directed --out "$tmp/small-d"
# Directed: the partnership becomes an arc each way, so chantier has in + out degree 4.
contains csv-directed-top "$tmp/small-d/top_actors.csv" "degree,1,chantier,Chantier de l'économie sociale,4"
contains csv-directed "$tmp/small-d/summary.md" "; directed,"
check directed-and-undirected 2 "$essnet" analyze --directed --undirected

check edgelist 0 "$essnet" analyze "$data/small_edges.txt" --out "$tmp/edges" --top 2
contains edgelist-top "$tmp/edges/top_actors.csv" "degree,1,1,1,2"
check edgelist-group 2 "$essnet" analyze "$data/small_edges.txt" --group kind --out "$tmp/x"
contains edgelist-group-message "$tmp/err" "an edge list has no columns"
check edgelist-years 2 "$essnet" analyze "$data/small_edges.txt" --years 2001 --out "$tmp/x"

check draw-bundled-svg 0 "$essnet" draw --color kind --size degree "$tmp/map.svg"
contains draw-svg-legend "$tmp/map.svg" ">kind</text>"
contains draw-svg-node "$tmp/map.svg" "<circle class=\"node"
check draw-png 0 "$essnet" draw --color community --labels 5 "$tmp/map.png"
check draw-pdf 0 "$essnet" draw --layout circular "$data/small_actors.csv" "$data/small_ties.csv" "$tmp/map.pdf"
head -c 4 "$tmp/map.png" | grep -q PNG && echo "ok   draw-png-magic" || { echo "FAIL draw-png-magic"; failures=$((failures + 1)); }
head -c 5 "$tmp/map.pdf" | grep -q '%PDF-' && echo "ok   draw-pdf-magic" || { echo "FAIL draw-pdf-magic"; failures=$((failures + 1)); }
check draw-edgelist 0 "$essnet" draw --size betweenness "$data/small_edges.txt" "$tmp/edges.svg"
check draw-bad-extension 2 "$essnet" draw "$tmp/map.gif"
check draw-unknown-column 2 "$essnet" draw --color fame "$tmp/x.svg"
check draw-edgelist-column 2 "$essnet" draw --color kind "$data/small_edges.txt" "$tmp/x.svg"
check draw-unwritable 4 "$essnet" draw "$tmp/missing/map.svg"
ls "$tmp" | grep -q '\.tmp-' && { echo "FAIL draw left temporary files"; failures=$((failures + 1)); }

check help 0 "$essnet" --help
check analyze-help 0 "$essnet" analyze --help
contains help-text "$tmp/out" "ACTORS.csv TIES.csv"
check no-subcommand 2 "$essnet"
check unknown-option 2 "$essnet" analyze --bogus
check missing-file 2 "$essnet" analyze /nonexistent/edges.txt
check too-many-inputs 2 "$essnet" analyze "$data/small_edges.txt" "$data/small_edges.txt" "$data/small_edges.txt"
check bad-top 2 "$essnet" analyze --top 0
check parse-error 3 "$essnet" analyze "$data/bad_weight_edges.txt" --weighted --out "$tmp/bad"
contains parse-error-position "$tmp/err" "bad_weight_edges.txt:2:5: weight 'x' is not a number"
[ -e "$tmp/bad" ] && { echo "FAIL output folder created for bad input"; failures=$((failures + 1)); }
check bad-ties-header 3 "$essnet" analyze "$data/small_actors.csv" "$data/bad_weight_edges.txt"
touch "$tmp/blocker"
check output-error 4 "$essnet" analyze --out "$tmp/blocker/report"
# A folder that holds anything but an earlier report is not replaced: its files keep their content.
mkdir -p "$tmp/half/nodes.csv" && echo old >"$tmp/half/summary.md"
check not-a-report 4 "$essnet" analyze --out "$tmp/half"
contains not-a-report-message "$tmp/err" "not an essnet report"
contains not-a-report-keeps-old "$tmp/half/summary.md" "old"
[ -e "$tmp/half/report.html" ] && { echo "FAIL not-a-report wrote report.html"; failures=$((failures + 1)); }
ls -a "$tmp" | grep -q '\.tmp-' && { echo "FAIL not-a-report left temporary files"; failures=$((failures + 1)); }
# Isolated means without ties (networkx's isolates): a self-loop is a tie. By hand: a-a, b-c, d alone.
printf 'id\na\nb\nc\nd\n' >"$tmp/loop_actors.csv"
printf 'source,target,relation\na,a,funded\nb,c,partnership\n' >"$tmp/loop_ties.csv"
check self-loop-not-isolated 0 "$essnet" analyze "$tmp/loop_actors.csv" "$tmp/loop_ties.csv" --out "$tmp/loops"
contains self-loop-not-isolated-count "$tmp/loops/summary.md" "1 isolated."

# Formats: the small network converted to each format and analysed from it gives the same top actor
# as from its CSV tables (by hand above: chantier, degree 3).
for ext in graphml gexf net json essnet; do
    check "convert-$ext" 0 "$essnet" convert "$data/small_actors.csv" "$data/small_ties.csv" "$tmp/small.$ext"
    check "analyze-$ext" 0 "$essnet" analyze "$tmp/small.$ext" --undirected --out "$tmp/from-$ext"
    contains "analyze-$ext-top" "$tmp/from-$ext/top_actors.csv" "degree,1,chantier,"
done
check convert-chain 0 "$essnet" convert "$tmp/small.graphml" "$tmp/again.essnet"
check convert-edgelist 0 "$essnet" convert "$data/small_edges.txt" "$tmp/edges.graphml"
check convert-bad-extension 2 "$essnet" convert "$tmp/small.graphml" "$tmp/small.txt"
check convert-one-file 2 "$essnet" convert "$tmp/small.graphml"
printf '<graphml><graph>\n<node id="a"/>\n<edge source="a" target="b"/></graph></graphml>\n' >"$tmp/bad.graphml"
check graphml-error 3 "$essnet" analyze "$tmp/bad.graphml" --out "$tmp/bad-graphml"
contains graphml-error-position "$tmp/err" "bad.graphml:3:1: edge names the unknown node 'b'"
head -c 40 "$tmp/small.essnet" >"$tmp/cut.essnet"
check snapshot-truncated 3 "$essnet" analyze "$tmp/cut.essnet" --out "$tmp/cut"
contains snapshot-truncated-message "$tmp/err" "truncated"

echo "cli tests: $failures failed"
[ "$failures" -eq 0 ]
