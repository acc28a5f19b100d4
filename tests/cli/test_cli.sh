#!/usr/bin/env bash
# Command-line tests: the report on the bundled network, CSV and edge-list inputs, exit codes.
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
for f in summary.md actors_by_kind.csv ties_by_relation.csv ties_by_year.csv top_degree.csv nodes.csv; do
    [ -s "$tmp/chantier/$f" ] && echo "ok   bundled writes $f" || { echo "FAIL bundled: $f missing"; failures=$((failures + 1)); }
done
contains bundled-stdout-names-output "$tmp/out" "Report written to $tmp/chantier"
contains bundled-top-actor "$tmp/chantier/top_degree.csv" "1,chantier,"
contains bundled-kinds "$tmp/chantier/actors_by_kind.csv" "event,6"
ls "$tmp/chantier" | grep -q '\.tmp' && { echo "FAIL temporary files left"; failures=$((failures + 1)); }

check csv 0 "$essnet" analyze "$data/small_actors.csv" "$data/small_ties.csv" --out "$tmp/small"
# By hand: member_of ripess, partnership with fbes, organized fiess. The network has an undirected
# tie, so the graph is undirected by default.
contains csv-top "$tmp/small/top_degree.csv" "1,chantier,Chantier de l'économie sociale,organization,3"
contains csv-components "$tmp/small/summary.md" "1 component; the largest"
check csv-directed 0 "$essnet" analyze "$data/small_actors.csv" "$data/small_ties.csv" --directed --out "$tmp/small-d"
# Directed: the partnership becomes an arc each way, so chantier has in + out degree 4.
contains csv-directed-top "$tmp/small-d/top_degree.csv" "1,chantier,Chantier de l'économie sociale,organization,4"
contains csv-directed-components "$tmp/small-d/summary.md" "1 component (weakly connected)"
check directed-and-undirected 2 "$essnet" analyze --directed --undirected

check edgelist 0 "$essnet" analyze "$data/small_edges.txt" --out "$tmp/edges" --top 2
contains edgelist-top "$tmp/edges/top_degree.csv" "1,1,1,,2"

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
# A report that cannot be written whole is not written at all: nodes.csv is a folder here, and the
# other files of an earlier report keep their content.
mkdir -p "$tmp/half/nodes.csv" && echo old >"$tmp/half/summary.md"
check half-report 4 "$essnet" analyze --out "$tmp/half"
contains half-report-keeps-old "$tmp/half/summary.md" "old"
[ -e "$tmp/half/top_degree.csv" ] && { echo "FAIL half-report wrote top_degree.csv"; failures=$((failures + 1)); }
ls "$tmp/half" | grep -q '\.tmp' && { echo "FAIL half-report left temporary files"; failures=$((failures + 1)); }
# Isolated means without ties (networkx's isolates): a self-loop is a tie. By hand: a-a, b-c, d alone.
printf 'id\na\nb\nc\nd\n' >"$tmp/loop_actors.csv"
printf 'source,target,relation\na,a,funded\nb,c,partnership\n' >"$tmp/loop_ties.csv"
check self-loop-not-isolated 0 "$essnet" analyze "$tmp/loop_actors.csv" "$tmp/loop_ties.csv" --out "$tmp/loops"
contains self-loop-not-isolated-count "$tmp/loops/summary.md" "1 isolated node."

# Formats: the small network converted to each format and analysed from it gives the same top actor
# as from its CSV tables (by hand above: chantier, degree 3).
for ext in graphml gexf net json essnet; do
    check "convert-$ext" 0 "$essnet" convert "$data/small_actors.csv" "$data/small_ties.csv" "$tmp/small.$ext"
    check "analyze-$ext" 0 "$essnet" analyze "$tmp/small.$ext" --undirected --out "$tmp/from-$ext"
    contains "analyze-$ext-top" "$tmp/from-$ext/top_degree.csv" "1,chantier,"
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
