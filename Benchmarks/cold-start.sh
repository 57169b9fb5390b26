#!/usr/bin/env bash
# Cold start and chat memory of second-opinion, against a Swift hello world built the same way.
#
#   bash Benchmarks/cold-start.sh            (RUNS=300 by default; uses hyperfine when installed,
#                                              `apt-get install -y hyperfine`, else a timing loop)
#
# 1. Start → first prompt: `second-opinion` on the shipped dialogs with piped stdin "quit", so the
#    process loads and checks the dialogs, prints the welcome and first question, reads "quit" and
#    exits; vs `hello`. Median of many runs, and the ratio (machines here are noisy; the ratio less so).
# 2. Peak RSS of a chat session fed the inputs of the longest shipped transcript on stdin
#    (/usr/bin/time -v; `apt-get install -y time` when missing).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
runs="${RUNS:-300}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Release builds, each in its own scratch folder under Benchmarks/.build (so this never touches,
# or waits on, the root .build used for development).
echo "building second-opinion and hello (release)…" >&2
swift build -c release --package-path "$root" --scratch-path "$here/.build/app" --product second-opinion >&2
swift build -c release --package-path "$here/HelloWorld" --scratch-path "$here/.build/hello" >&2
app="$here/.build/app/release/second-opinion"
hello="$here/.build/hello/release/hello"

# The person's files (history, saved conversation) go to a throw-away home.
export XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data" HOME="$work"
cd "$root"    # second-opinion finds ./Dialogs, as after a checkout
printf 'quit\n' > "$work/quit.txt"

# Sanity: the app really prints its first prompt.
first="$("$app" < "$work/quit.txt" | sed -n 1p)"
[ -n "$first" ] || { echo "second-opinion printed nothing" >&2; exit 1; }

median_ms() { sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.2f", m / 1e6 }'; }

if command -v hyperfine > /dev/null; then
    tool="hyperfine $(hyperfine --version | awk '{ print $2 }')"
    hyperfine --style none --warmup 20 --runs "$runs" --export-json "$work/h.json" \
        -n hello "'$hello' < '$work/quit.txt'" \
        -n second-opinion "'$app' < '$work/quit.txt'" > /dev/null
    read -r hello_ms app_ms < <(python3 -c '
import json, sys
r = {x["command"]: x["median"] * 1000 for x in json.load(open(sys.argv[1]))["results"]}
print("%.2f %.2f" % (r["hello"], r["second-opinion"]))' "$work/h.json")
else
    tool="shell loop (date +%s%N)"
    for name in hello app; do
        bin="$hello"; [ "$name" = app ] && bin="$app"
        for _ in $(seq 20); do "$bin" < "$work/quit.txt" > /dev/null; done
        for _ in $(seq "$runs"); do
            t0=$(date +%s%N); "$bin" < "$work/quit.txt" > /dev/null; t1=$(date +%s%N)
            echo $((t1 - t0))
        done > "$work/$name.ns"
    done
    hello_ms="$(median_ms < "$work/hello.ns")"
    app_ms="$(median_ms < "$work/app.ns")"
fi
ratio="$(awk -v a="$app_ms" -v h="$hello_ms" 'BEGIN { printf "%.2f", a / h }')"

# Chat memory: the longest shipped transcript's inputs, typed on stdin.
longest="$(for t in Dialogs/transcripts/*.transcript; do echo "$(grep -c '^you:' "$t") $t"; done | sort -n | tail -n 1)"
turns="${longest%% *}"
transcript="${longest#* }"
sed -n 's/^you: \{0,1\}//p' "$transcript" > "$work/inputs.txt"
rss_line="unavailable (install: apt-get install -y time)"
rss_mib=""
if [ -x /usr/bin/time ]; then
    /usr/bin/time -v "$app" < "$work/inputs.txt" > /dev/null 2> "$work/time.txt" || true
    rss_kb="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")"
    rss_mib="$(awk -v k="$rss_kb" 'BEGIN { printf "%.1f", k / 1024 }')"
    hello_kb="$( { /usr/bin/time -v "$hello" > /dev/null; } 2>&1 | awk -F': ' '/Maximum resident set size/ { print $2 }')"
    rss_line="$rss_mib MiB (hello world: $(awk -v k="$hello_kb" 'BEGIN { printf "%.1f", k / 1024 }') MiB)"
fi

ok() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t) ? "yes" : "NO" }'; }
echo
echo "| measure | result | target | ok |"
echo "|---|---|---|---|"
echo "| hello world, start → exit (median of $runs) | $hello_ms ms | | |"
echo "| second-opinion, start → first prompt → quit (median of $runs) | $app_ms ms | | |"
echo "| cold start ratio, second-opinion / hello world | ${ratio}× | ≤ 2× | $(ok "$ratio" 2) |"
echo "| chat peak RSS, $turns inputs of $(basename "$transcript") | $rss_line | ≤ 24 MiB | $( [ -n "$rss_mib" ] && ok "$rss_mib" 24 || echo "?" ) |"
echo "(timing: $tool; $(nproc) cores)"
