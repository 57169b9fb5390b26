#!/usr/bin/env bash
# Cold start and chat memory of second-opinion, against a Swift hello world built the same way.
#
#   bash Benchmarks/cold-start.sh [--static]     (RUNS=300 by default)
#
# 1. Start → first prompt: `second-opinion` (the chat, on the shipped dialogs) with "quit" piped on
#    stdin: it loads and checks the dialogs and prints the welcome and the first question. Timed from
#    posix_spawn to the first byte on its stdout by `bench first-line` (no shell in between, so a
#    one-millisecond hello world is timed as precisely as the app), against `hello` timed the same
#    way. Median of RUNS runs after 10 warm-up runs, and the ratio (machines here are noisy; the
#    ratio less so). Also `hello-linked`, the same hello world linked with the libraries second-opinion
#    loads at start (FoundationEssentials via ArgumentParser, Synchronization; not readline, which it
#    opens only at a terminal, so these piped runs never load it): the floor that the libraries alone
#    set, before any of second-opinion's own work.
# 2. Peak RSS of a chat session fed the inputs of the longest shipped transcript on stdin
#    (/usr/bin/time -v; `apt-get install -y time` when missing).
# --static also builds both with --static-swift-stdlib and times those.
# 3. With valgrind installed, the instructions each executes (callgrind), a figure noise cannot move.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
runs="${RUNS:-300}"
variants=(dynamic)
[ "${1:-}" = "--static" ] && variants+=(static)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Release builds, each in its own scratch folder under Benchmarks/.build, so this never touches
# (or waits on) the root .build used for development.
echo "building bench, second-opinion and hello (release)…" >&2
swift build -c release --package-path "$here" >&2
bench="$here/.build/release/bench"
for v in "${variants[@]}"; do
    flags=()
    [ "$v" = static ] && flags=(--static-swift-stdlib)
    swift build -c release "${flags[@]}" --package-path "$root" --scratch-path "$here/.build/app-$v" --product second-opinion >&2
    swift build -c release "${flags[@]}" --package-path "$here/HelloWorld" --scratch-path "$here/.build/hello-$v" >&2
done

# The person's files (history, saved conversation) go to a throw-away home.
export XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data" HOME="$work"
cd "$root"    # second-opinion finds ./Dialogs, as after a checkout
printf 'quit\n' > "$work/quit.txt"

metric() { awk -v k="$1" '$1 == "@metric" && $2 == k { printf "%.2f", $3 / 1e6 }'; }
ok() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t) ? "yes" : "NO" }'; }

echo
echo "| measure | result | target | ok |"
echo "|---|---|---|---|"
for v in "${variants[@]}"; do
    app="$here/.build/app-$v/release/second-opinion"
    hello="$here/.build/hello-$v/release/hello"
    linked="$here/.build/hello-$v/release/hello-linked"
    "$bench" first-line --runs "$runs" --stdin "$work/quit.txt" -- "$hello" > "$work/hello.txt"
    "$bench" first-line --runs "$runs" --stdin "$work/quit.txt" -- "$linked" > "$work/linked.txt"
    "$bench" first-line --runs "$runs" --stdin "$work/quit.txt" -- "$app" > "$work/app.txt"
    hello_ms="$(metric first_line.median < "$work/hello.txt")"
    linked_ms="$(metric first_line.median < "$work/linked.txt")"
    app_ms="$(metric first_line.median < "$work/app.txt")"
    ratio="$(awk -v a="$app_ms" -v h="$hello_ms" 'BEGIN { printf "%.1f", a / h }')"
    echo "| hello world ($v), start → first line (median of $runs) | $hello_ms ms | | |"
    echo "| the same linked with second-opinion's libraries ($v): the floor | $linked_ms ms = $(awk -v a="$linked_ms" -v h="$hello_ms" 'BEGIN { printf "%.2f", a / h }')× | | |"
    echo "| second-opinion ($v), start → first prompt (median of $runs; to exit $(metric exit.median < "$work/app.txt") ms) | $app_ms ms | | |"
    echo "| cold start ratio ($v), second-opinion / hello world | ${ratio}× | ≤ 2× | $(ok "$ratio" 2) |"
    # Instructions are reproducible where wall time is noisy: the same start, counted by callgrind
    # (user space, whole run to exit: with "quit" on stdin that is the start plus a goodbye).
    if command -v valgrind > /dev/null; then
        count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" < "$work/quit.txt" 2>&1 > /dev/null |
            awk '/Collected/ { printf "%.1f", $4 / 1e6 }'; }
        hello_ir="$(count "$hello")"
        linked_ir="$(count "$linked")"
        app_ir="$(count "$app")"
        echo "| instructions to exit ($v, callgrind): second-opinion / hello world (linked: $linked_ir M) | $app_ir M / $hello_ir M = $(awk -v a="$app_ir" -v h="$hello_ir" 'BEGIN { printf "%.1f", a / h }')× | | |"
    fi
done

# Chat memory: the longest shipped transcript's inputs, typed on stdin.
longest="$(for t in Dialogs/transcripts/*.transcript; do echo "$(grep -c '^you:' "$t") $t"; done | sort -n | tail -n 1)"
turns="${longest%% *}"
transcript="${longest#* }"
sed -n 's/^you: \{0,1\}//p' "$transcript" > "$work/inputs.txt"
if [ -x /usr/bin/time ]; then
    for v in "${variants[@]}"; do
        app="$here/.build/app-$v/release/second-opinion"
        hello="$here/.build/hello-$v/release/hello"
        # Run from the throw-away folder: the transcript may `save` documents into the working directory.
        (cd "$work" && SECOND_OPINION_DIALOGS="$root/Dialogs" /usr/bin/time -v "$app" < "$work/inputs.txt" > /dev/null 2> "$work/time.txt") || true
        rss_mib="$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$work/time.txt")"
        hello_mib="$( { /usr/bin/time -v "$hello" > /dev/null; } 2>&1 | awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }')"
        echo "| chat peak RSS ($v), $turns inputs of $(basename "$transcript") (hello world: $hello_mib MiB) | $rss_mib MiB | ≤ 24 MiB | $(ok "$rss_mib" 24) |"
    done
else
    echo "| chat peak RSS | /usr/bin/time missing (apt-get install -y time) | ≤ 24 MiB | ? |"
fi
echo "($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
