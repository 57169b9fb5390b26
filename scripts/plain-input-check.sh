#!/usr/bin/env bash
# Pipes awkward bytes into `second-opinion` and checks what the conversation made of them: CRLF line ends,
# a last line without a newline, NUL bytes, invalid UTF-8, ANSI escape sequences and a line over 1 MiB.
# PlainLineReader lives in the executable target, which has no test target, so it is tested here,
# through the built binary. Prints one line per case and exits 1 if any case fails.
#
#   scripts/plain-input-check.sh [BINARY]        (default: .build/debug/second-opinion; build it first)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/debug/second-opinion}
[ -x "$bin" ] || { echo "plain-input-check: no binary at $bin (run swift build)" >&2; exit 2; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# Nothing of the person's is touched: a throwaway home, and --private writes nothing anyway.
export HOME=$scratch XDG_STATE_HOME=$scratch/state XDG_DATA_HOME=$scratch/data NO_COLOR=1

failed=0
# check NAME INPUT_FILE EXPECTED_TEXT…: runs the chat on the file; every expected text must be in the output.
check() {
    local name=$1 input=$2
    shift 2
    local out=$scratch/out status=0
    "$bin" chat --private --no-history --seed 1 --dialogs Dialogs <"$input" >"$out" 2>&1 || status=$?
    local problems=()
    [ "$status" -eq 0 ] || problems+=("exit status $status")
    for expected in "$@"; do
        grep -qF -- "$expected" "$out" || problems+=("missing '$expected'")
    done
    if LC_ALL=C grep -q $'\x1b' "$out"; then problems+=("an ESC byte reached the output"); fi
    local size
    size=$(wc -c <"$out")
    [ "$(tr -d '\000' <"$out" | wc -c)" -eq "$size" ] || problems+=("a NUL byte reached the output")
    [ "$size" -lt 200000 ] || problems+=("output is $size bytes: the long line was echoed")
    if [ ${#problems[@]} -eq 0 ]; then
        echo "ok    $name"
    else
        failed=1
        echo "FAIL  $name: ${problems[*]}"
        sed -n '1,40p' "$out" | cut -c1-200 | sed 's/^/        /'
    fi
}

country="Which country is the medical care in?"
who="Who is the second opinion for?"

printf 'yes\r\nme\r\n' >"$scratch/crlf"
check "CRLF line ends" "$scratch/crlf" "$who" "$country"

printf 'yes\nme' >"$scratch/no-final-newline"
check "last line without a newline" "$scratch/no-final-newline" "$country"

printf 'y\000es\n\000me\000\n' >"$scratch/nul"
check "NUL bytes inside answers" "$scratch/nul" "$country"

printf '\000\000\nyes\n' >"$scratch/only-nul"
check "a line of NUL bytes only" "$scratch/only-nul" "I didn't catch an answer." "$who"

printf '\xff\xfeyes\xc3\nme\n' >"$scratch/invalid-utf8"
check "invalid UTF-8" "$scratch/invalid-utf8" "$country"

printf '\033[31myes\033[0m\nsomeone I care for\n\033]0;title\007Ro\033[1msa\033[0m\n' >"$scratch/ansi"
check "ANSI escape sequences" "$scratch/ansi" "It's kind of you to help Rosa." "$country"

python3 -c 'import sys; sys.stdout.write("a" * ((1 << 20) + 4096) + "\nyes\nme\n")' >"$scratch/huge-line"
check "a line over 1 MiB" "$scratch/huge-line" "That answer is too long" "under 2000 characters" "$country"

python3 -c 'import sys; sys.stdout.write("b" * (3 << 20))' >"$scratch/huge-last-line"
check "a last line over 1 MiB without a newline" "$scratch/huge-last-line" "That answer is too long"

: >"$scratch/empty"
check "no input at all" "$scratch/empty"

exit "$failed"
