#!/usr/bin/env python3
"""Kill -9 a real chat process at a random turn, resume, and check no answer was lost.

    python3 scripts/kill-loop.py [--runs 100] [--signals kill|mixed] [--binary .build/debug/second-opinion] [--seed 1]

Each run uses a fresh private state folder. It starts `second-opinion chat`, feeds answers one at
a time through a pipe, waits until the assistant has replied to each (so the answer counts as
given), and after a random number of answers sends SIGKILL. It then runs `chat --resume` with
`summary` and checks that every answer given before the kill appears in the summary. Exit 1 on
any loss.
"""

import argparse
import os
import random
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# A path through the shipped conversation, with the summary text each answer must leave behind.
ANSWERS = [
    ("yes", "Happy to go on: yes"),
    ("me", "Who the second opinion is for: Me"),
    ("uk", "Where the care is: United Kingdom"),
    ("1, 2", "A serious or complex diagnosis"),
    ("1", "Check that the diagnosis is right"),
]


SIGNALS = [signal.SIGKILL, signal.SIGTERM, signal.SIGHUP]
MIXED = False


def read_until_quiet(proc, timeout=5.0, quiet=0.15):
    """Reads output until the process has printed something and then gone quiet."""
    out = b""
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], 0.05)
        if ready:
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                break
            out += chunk
            last = time.time()
        elif last is not None and time.time() - last > quiet:
            break
    return out.decode("utf-8", "replace")


def one_run(binary, rng):
    state = tempfile.mkdtemp(prefix="kill-loop-")
    env = dict(os.environ, XDG_STATE_HOME=state + "/state", XDG_DATA_HOME=state + "/data", NO_COLOR="1")
    try:
        proc = subprocess.Popen(
            [binary, "chat", "--dialogs", os.path.join(ROOT, "Dialogs"), "--no-history"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=state)
        read_until_quiet(proc)
        given = rng.randint(0, len(ANSWERS))
        for answer, _ in ANSWERS[:given]:
            proc.stdin.write((answer + "\n").encode())
            proc.stdin.flush()
            read_until_quiet(proc)  # the reply is printed after the session file is written
        # Sometimes kill mid-answer: the half-typed answer was not given, so it may be lost.
        if rng.random() < 0.5 and given < len(ANSWERS):
            proc.stdin.write(ANSWERS[given][0].encode())
            proc.stdin.flush()
        sig = SIGNALS[rng.randrange(len(SIGNALS))] if MIXED else signal.SIGKILL
        proc.send_signal(sig)
        proc.wait()
        resumed = subprocess.run(
            [binary, "chat", "--dialogs", os.path.join(ROOT, "Dialogs"), "--resume", "--no-history"],
            input=b"summary\nquit\n", capture_output=True, env=env, cwd=state, timeout=30)
        text = resumed.stdout.decode("utf-8", "replace")
        missing = [summary for _, summary in ANSWERS[:given] if summary not in text]
        leftovers = [f for f in os.listdir(state + "/state/second-opinion") if f.startswith(".session")]
        return given, missing, leftovers, text
    finally:
        shutil.rmtree(state, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/second-opinion"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--signals", choices=["kill", "mixed"], default="kill",
                        help="kill: SIGKILL only; mixed: SIGKILL, SIGTERM or SIGHUP at random")
    args = parser.parse_args()
    global MIXED
    MIXED = args.signals == "mixed"
    args.binary = os.path.abspath(args.binary)
    rng = random.Random(args.seed)
    failures = 0
    resumed_with_answers = 0
    for i in range(args.runs):
        given, missing, leftovers, text = one_run(args.binary, rng)
        if missing or leftovers:
            failures += 1
            print(f"run {i + 1}: {given} answers given, lost {missing}, temp files left {leftovers}")
            print(text)
        elif given:
            resumed_with_answers += 1
    print(f"{args.runs} {'kill -9' if not MIXED else 'KILL/TERM/HUP'} runs: {args.runs - failures} resumed with every given answer "
          f"({resumed_with_answers} had answers to keep), {failures} lost something")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
