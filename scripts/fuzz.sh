#!/usr/bin/env bash
# Fuzzes the engine with libFuzzer: builds Fuzz/ (release, -sanitize=fuzzer,address), then runs each target
# for SECONDS (default 60) and prints executions and crashes per target. Exit status 1 if any target crashed,
# hung (an input taking longer than FUZZ_TIMEOUT seconds, default 10) or broke a property.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET…]        targets: loader dialogs dialog-set condition template matcher transcript compiled session continue
#   FUZZ_RUNS=1000000 scripts/fuzz.sh 0                   run each target to a number of executions instead (0 = no time limit)
#
# Work files (corpus grown by the fuzzer, crash/timeout artifacts, logs) go to FUZZ_WORK (default Fuzz/.work).
# A crash is saved as FUZZ_WORK/artifacts/TARGET/crash-…; replay one with
#   Fuzz/.build/release/DialogFuzz TARGET FILE
# then copy it into Tests/DialogEngineTests/Fixtures/fuzz-regressions/TARGET/ so `swift test` replays it forever.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

seconds=${1:-60}
shift || true
all_targets=(loader dialogs dialog-set condition template matcher transcript compiled session continue)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
work=${FUZZ_WORK:-$root/Fuzz/.work}
runs=${FUZZ_RUNS:--1}
timeout_s=${FUZZ_TIMEOUT:-10}
regressions=$root/Tests/DialogEngineTests/Fixtures/fuzz-regressions

# --- build (incremental: Fuzz/.build is kept between runs) ---
start=$(date +%s)
swift build -c release --package-path Fuzz -Xswiftc -sanitize=fuzzer,address 2>&1 \
    | grep -Ev '^\[[0-9]+/[0-9]+\]|^(Fetching|Fetched|Computing|Computed|Creating|Working copy)' || true
fuzzer=$root/Fuzz/.build/release/DialogFuzz
[ -x "$fuzzer" ] || { echo "fuzz.sh: build failed" >&2; exit 2; }
echo "build: $(($(date +%s) - start)) s"

# --- seeds, made fresh from the shipped files each run ---
seeds=$work/seeds
rm -rf "$seeds"
mkdir -p "$seeds"
python3 - "$root" "$seeds" <<'PY'
import glob, json, os, sys
root, out = sys.argv[1], sys.argv[2]
def put(target, name, data):
    os.makedirs(f"{out}/{target}", exist_ok=True)
    with open(f"{out}/{target}/{name}", "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
dialogs = sorted(glob.glob(f"{root}/Dialogs/*.json"))
for path in dialogs:
    data = open(path, "rb").read()
    put("dialogs", os.path.basename(path), data)
    put("dialog-set", os.path.basename(path), data)
for path in sorted(glob.glob(f"{root}/Tests/DialogEngineTests/Fixtures/broken/*/*.json")
                   + glob.glob(f"{root}/Tests/DialogEngineTests/Fixtures/small/*.json")):
    put("loader", path.replace(root + "/", "").replace("/", "_"), open(path, "rb").read())
# Conditions and templates as written in the shipped dialogs.
conditions, templates, slots = set(), set(), {}
def walk(value, key=None):
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "slots" and isinstance(v, dict):
                slots.update(v)
            walk(v, k)
    elif isinstance(value, list):
        for v in value:
            walk(v, key)
    elif isinstance(value, str):
        if key in ("if", "when"):
            conditions.add(value)
        elif key in ("say", "reprompt", "text", "bullet", "heading", "title", "why"):
            templates.add(value)
for path in dialogs:
    walk(json.load(open(path, encoding="utf-8")))
for i, c in enumerate(sorted(conditions)):
    put("condition", f"shipped-{i:03}", c)
for i, t in enumerate(sorted(templates)):
    put("template", f"shipped-{i:03}", t)
# Matcher: the first byte picks the slot type (FuzzChecks.matchers), the rest is the answer.
answers = ["yes", "no", "not sure", "skip", "1", "2, 3", "1-3", "all", "none", "the second one", "about 6 weeks",
           "twenty five", "-2", "3.5", "United Kingdom", "Untied States", "pain and fatigue", "I don't know",
           "no wait, yes", "\u05e9\u05dc\u05d5\u05dd", "\U0001F642", "e\u0301", "\x1b[31mred\x1b[0m"]
for selector in range(40):
    for j, a in enumerate(answers):
        put("matcher", f"s{selector:02}-{j:02}", bytes([selector]) + a.encode())
# The "Continue it? (yes/no)" prompt: the replies of the issue that once threw a session away, and more.
for j, a in enumerate(answers + ["Yes!", "yes please", "yep", "yes\u200b", "nope", "no thanks", "y", "n", "sure, go on"]):
    put("continue", f"reply-{j:02}", a)
# Transcripts: the shipped ones, and their first few turns (short enough to be replayed).
for path in sorted(glob.glob(f"{root}/Dialogs/transcripts/*.transcript")):
    text = open(path, encoding="utf-8").read()
    name = os.path.basename(path)
    put("transcript", name, text)
    kept, you = [], 0
    for line in text.split("\n"):
        if line.startswith("you:"):
            you += 1
            if you > 6:
                break
        if not line.startswith("bot:"):
            kept.append(line)
    put("transcript", "short-" + name, "\n".join(kept) + "\n")
PY

# The compiled form's seeds come from the engine itself (the body of the shipped graph's form).
ASAN_OPTIONS=detect_leaks=0 "$fuzzer" write-compiled-seeds "$seeds/compiled"
ASAN_OPTIONS=detect_leaks=0 "$fuzzer" write-session-seeds "$seeds/session"

# --- run ---
dict_for() {
    case $1 in
        loader|dialogs|dialog-set|session) echo json ;;
        continue) echo matcher ;;
        compiled) echo "" ;;  # binary: no dictionary
        *) echo "$1" ;;
    esac
}
max_len_for() {
    case $1 in
        condition|template|matcher|continue) echo 1024 ;;
        loader|transcript) echo 4096 ;;  # transcripts: the replayed ones are short; long ones only slow the run
        *) echo 0 ;;  # libFuzzer's default: the largest seed
    esac
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}  # Swift's tagged pointers make LeakSanitizer report live objects
export SWIFT_BACKTRACE=enable=no                     # libFuzzer prints the stack; the Swift backtracer only adds noise
failed=0
summary=()
for target in "${targets[@]}"; do
    corpus=$work/corpus/$target
    artifacts=$work/artifacts/$target
    log=$work/logs/$target.log
    mkdir -p "$corpus" "$artifacts" "$work/logs" "$seeds/$target"
    extra=()
    [ -d "$regressions/$target" ] && extra+=("$regressions/$target")
    max_len=$(max_len_for "$target")
    [ "$max_len" != 0 ] && extra=(-max_len="$max_len" "${extra[@]}")
    before=$(ls "$artifacts" | wc -l)
    echo "== $target: ${seconds}s$([ "$runs" != -1 ] && echo ", up to $runs executions")"
    set +e
    dict=$(dict_for "$target")
    [ -n "$dict" ] && extra=(-dict="$root/Fuzz/dictionaries/$dict.dict" "${extra[@]}")
    "$fuzzer" "$target" -max_total_time="$seconds" -runs="$runs" -timeout="$timeout_s" -rss_limit_mb=2048 \
        -detect_leaks=0 -print_final_stats=1 \
        -artifact_prefix="$artifacts/" "$corpus" "$seeds/$target" "${extra[@]}" >"$log" 2>&1
    status=$?
    set -e
    execs=$(grep -a 'stat::number_of_executed_units' "$log" | tail -1 | awk '{print $2}' || true)
    rate=$(grep -a 'stat::average_exec_per_sec' "$log" | tail -1 | awk '{print $2}' || true)
    found=$(( $(ls "$artifacts" | wc -l) - before ))
    if [ "$status" -ne 0 ] || [ "$found" -gt 0 ]; then
        failed=1
        grep -a -E 'property broken|ERROR: |SUMMARY|Fatal error|Test unit written|deadly signal|timeout after' "$log" | head -n 12 || true
        echo "   (full log: $log)"
    fi
    line=$(printf '%-12s %12s executions %8s/s  %s crash(es)/hang(s)  exit %s' \
        "$target" "${execs:-?}" "${rate:-?}" "$found" "$status")
    echo "   $line"
    summary+=("$line")
done

echo
echo "== fuzz summary (${seconds}s per target)"
printf '%s\n' "${summary[@]}"
exit "$failed"
