#!/usr/bin/env bash
# Cold start and chat memory of second-opinion, against a Swift hello world built the same way.
#
#   bash Benchmarks/cold-start.sh [--static]     (RUNS=300 by default)
#
# 1. Start → first prompt: `second-opinion` (the chat, on the shipped dialogs) with "quit" piped on
#    stdin: it finds the dialogs, checks them against its compiled form (or loads and checks the JSON),
#    lays out the engine and prints the welcome and the first question. Timed from posix_spawn to the
#    first byte on its stdout by `bench first-line` (no shell in between, so a one-millisecond hello
#    world is timed as precisely as the app), against `hello` built the same way. The two run in
#    alternating blocks of 10 (the first run of each block not counted), and the figure is the median of
#    the blocks' ratios: a machine that slows down or speeds up meanwhile affects both alike. Reported
#    for the usual start (compiled dialogs in place) and for the first start after the program or the
#    dialogs changed (full load and check). Also `hello-linked`, the same hello world linked with the
#    libraries second-opinion loads at start (FoundationEssentials via ArgumentParser, Synchronization;
#    not readline, which it opens only at a terminal, so these piped runs never load it): the floor that
#    the libraries alone set, before any of second-opinion's own work.
# 2. Peak RSS of a chat session fed the inputs of the longest shipped transcript on stdin, both ways
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
export XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache" HOME="$work"
cd "$root"    # second-opinion finds ./Dialogs, as after a checkout
printf 'quit\n' > "$work/quit.txt"

metric() { awk -v k="$1" '$1 == "@metric" && $2 == k { printf "%.2f", $3 / 1e6 }'; }
ok() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t) ? "yes" : "NO" }'; }

echo
echo "| measure | result | target | ok |"
echo "|---|---|---|---|"
# The first start after the program or the dialogs changed has no compiled dialogs yet: it loads and
# checks the JSON in full (and writes the compiled form after the first prompt). XDG_CACHE_HOME set to
# a path under a plain file makes every run such a start (nothing can be read or written there).
touch "$work/not-a-folder"
no_cache="$work/not-a-folder/cache"
ratio() { awk '$1 == "@metric" && $2 == "ratio.median" { printf "%.2f", $3 }'; }
spread() { awk '$1 == "@metric" && $2 == "ratio.p25" { a = $3 } $1 == "@metric" && $2 == "ratio.p75" { b = $3 } END { printf "%.2f–%.2f", a, b }'; }
for v in "${variants[@]}"; do
    app="$here/.build/app-$v/release/second-opinion"
    hello="$here/.build/hello-$v/release/hello"
    linked="$here/.build/hello-$v/release/hello-linked"
    # Each program in alternating blocks with the hello world (bench first-line --versus), so drift on a
    # noisy machine hits both alike; the ratio is the median of the blocks' ratios.
    "$bench" first-line --runs "$runs" --stdin "$work/quit.txt" --versus "$hello" -- "$linked" > "$work/linked.txt"
    "$bench" first-line --runs "$runs" --stdin "$work/quit.txt" --versus "$hello" -- "$app" > "$work/app.txt"
    XDG_CACHE_HOME="$no_cache" "$bench" first-line --runs "$runs" --stdin "$work/quit.txt" --versus "$hello" -- "$app" > "$work/full.txt"
    hello_ms="$(metric baseline.first_line.median < "$work/app.txt")"
    app_ratio="$(ratio < "$work/app.txt")"
    echo "| hello world ($v), start → first line (median of $runs, run in blocks alternating with each program below) | $hello_ms ms | | |"
    echo "| the same linked with the libraries second-opinion loads at start ($v): the floor | $(metric first_line.median < "$work/linked.txt") ms = $(ratio < "$work/linked.txt")× | | |"
    echo "| second-opinion ($v), start → first prompt, compiled dialogs in place (every start but the first after a change; to exit $(metric exit.median < "$work/app.txt") ms) | $(metric first_line.median < "$work/app.txt") ms | | |"
    echo "| **cold start ratio ($v)**, second-opinion / hello world (median of block ratios; middle half $(spread < "$work/app.txt")) | **${app_ratio}×** | ≤ 2× | $(ok "$app_ratio" 2) |"
    echo "| first start after a change ($v): full load and check of the JSON (to exit $(metric exit.median < "$work/full.txt") ms) | $(metric first_line.median < "$work/full.txt") ms = $(ratio < "$work/full.txt")× | | |"
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
        hello_mib="$( { /usr/bin/time -v "$hello" > /dev/null; } 2>&1 | awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }')"
        # Run from the throw-away folder: the transcript may `save` documents into the working directory.
        # Once with the compiled dialogs in place, once as the first start after a change (which also
        # writes them).
        for cache in "$XDG_CACHE_HOME" "$work/fresh-cache"; do
            (cd "$work" && XDG_CACHE_HOME="$cache" SECOND_OPINION_DIALOGS="$root/Dialogs" /usr/bin/time -v "$app" < "$work/inputs.txt" > /dev/null 2> "$work/time.txt") || true
            rss_mib="$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$work/time.txt")"
            what="compiled dialogs in place"
            [ "$cache" = "$work/fresh-cache" ] && what="first start after a change, writing the compiled dialogs"
            echo "| chat peak RSS ($v, $what), $turns inputs of $(basename "$transcript") (hello world: $hello_mib MiB) | $rss_mib MiB | ≤ 24 MiB | $(ok "$rss_mib" 24) |"
        done
    done
else
    echo "| chat peak RSS | /usr/bin/time missing (apt-get install -y time) | ≤ 24 MiB | ? |"
fi
# Instructions are reproducible where wall time is noisy: the same starts counted by callgrind (user
# space, whole run to exit: with "quit" on stdin, the start plus a goodbye). Under valgrind the program
# is valgrind's loader, another build as far as the compiled dialogs go: a first run writes its own.
if command -v valgrind > /dev/null; then
    for v in "${variants[@]}"; do
        app="$here/.build/app-$v/release/second-opinion"
        hello="$here/.build/hello-$v/release/hello"
        linked="$here/.build/hello-$v/release/hello-linked"
        count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" < "$work/quit.txt" 2>&1 > /dev/null |
            awk '/Collected/ { printf "%.1f", $4 / 1e6 }'; }
        count "$app" > /dev/null
        app_ir="$(count "$app")"
        full_ir="$(XDG_CACHE_HOME="$no_cache" count "$app")"
        echo "| instructions to exit ($v, callgrind): hello world $(count "$hello") M, floor $(count "$linked") M, second-opinion $app_ir M (first start after a change: $full_ir M) | | | |"
    done
fi
echo "($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
