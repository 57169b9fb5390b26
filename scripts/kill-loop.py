#!/usr/bin/env python3
"""Kill -9 a real chat process at a random turn, resume, and check no answer was lost.

    python3 scripts/kill-loop.py [--runs 100] [--signals kill|mixed] [--mode pipe|pty|two-chats]
                                 [--binary .build/debug/second-opinion] [--seed 1]

Each run uses a fresh private state folder. It starts `second-opinion chat`, feeds answers one at
a time through a pipe, waits until the assistant has replied to each (so the answer counts as
given), and after a random number of answers sends SIGKILL. It then runs `chat --resume` with
`summary` and checks that every answer given before the kill appears in the summary. Exit 1 on
any loss.

Modes:
- pipe (default): answers through a pipe, as above.
- pty: the chat runs at a terminal (readline), answers are typed; besides the signals, the terminal
  is sometimes closed (the chat gets SIGHUP and end of input), and a Ctrl-C is sometimes sent right
  after an answer (it must not end the chat).
- two-chats: while chat A runs, chat B starts with the same home, answers and quits; B must say that
  another conversation is open, and A's answers must all survive (B never sets them aside).
"""

import argparse
import os
import pty
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


def read_fd_until_quiet(fd, timeout=5.0, quiet=0.15):
    """read_until_quiet for a pty master."""
    out = b""
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
            last = time.time()
        elif last is not None and time.time() - last > quiet:
            break
    return out.decode("utf-8", "replace")


def check_resumed(binary, env, state, given):
    """Resumes with --resume; returns (answers missing, temporary or set-aside files left, the text)."""
    resumed = subprocess.run(
        [binary, "chat", "--dialogs", os.path.join(ROOT, "Dialogs"), "--resume", "--no-history"],
        input=b"summary\nquit\n", capture_output=True, env=env, cwd=state, timeout=30)
    text = resumed.stdout.decode("utf-8", "replace")
    missing = [summary for _, summary in ANSWERS[:given] if summary not in text]
    folder = state + "/state/second-opinion"
    names = os.listdir(folder) if os.path.isdir(folder) else []
    leftovers = [f for f in names if f.startswith(".session") or f.startswith("session.kept")]
    return missing, leftovers, text


def one_pty_run(binary, rng):
    """The chat at a terminal: typed answers (a Ctrl-C now and then right after one), then a signal or
    a closed terminal."""
    state = tempfile.mkdtemp(prefix="kill-loop-")
    env = dict(os.environ, XDG_STATE_HOME=state + "/state", XDG_DATA_HOME=state + "/data", NO_COLOR="1", TERM="xterm")
    try:
        pid, fd = pty.fork()
        if pid == 0:
            os.chdir(state)
            os.execve(binary, [binary, "chat", "--dialogs", os.path.join(ROOT, "Dialogs"), "--no-history"], env)
        screen = read_fd_until_quiet(fd)
        given = rng.randint(0, len(ANSWERS))
        ended_on_interrupt = False
        for n, (answer, _) in enumerate(ANSWERS[:given]):
            os.write(fd, (answer + "\n").encode())
            interrupted = rng.random() < 0.3
            if interrupted:
                time.sleep(rng.random() * 0.003)
                os.kill(pid, signal.SIGINT)  # Ctrl-C while the answer is processed: must not end the chat
            reply = read_fd_until_quiet(fd)
            screen += reply
            if interrupted and "^C" in reply:
                # The Ctrl-C came while readline still had the line: it was cleared, as at any prompt,
                # so this answer was not given (and the next ones would answer other questions).
                given = n
                break
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                ended_on_interrupt = True
                break
        if not ended_on_interrupt:
            how = rng.choice(["kill", "term", "hup", "close"])
            if how == "close":
                os.close(fd)  # the terminal goes away: SIGHUP, then end of input
                fd = None
            else:
                os.kill(pid, {"kill": signal.SIGKILL, "term": signal.SIGTERM, "hup": signal.SIGHUP}[how])
            os.waitpid(pid, 0)
        if fd is not None:
            os.close(fd)
        missing, leftovers, text = check_resumed(binary, env, state, given)
        if ended_on_interrupt:
            missing = ["the chat ended on Ctrl-C"] + missing
        return given, missing, leftovers, text + "\n--- the chat at the terminal ---\n" + screen
    finally:
        shutil.rmtree(state, ignore_errors=True)


def one_two_chats_run(binary, rng):
    """Chat A answers; chat B starts beside it with the same home, answers and quits; A is then killed
    and resumed. B must be told, and A's answers must all be there."""
    state = tempfile.mkdtemp(prefix="kill-loop-")
    env = dict(os.environ, XDG_STATE_HOME=state + "/state", XDG_DATA_HOME=state + "/data", NO_COLOR="1")
    command = [binary, "chat", "--dialogs", os.path.join(ROOT, "Dialogs"), "--no-history"]
    try:
        a = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
                             cwd=state)
        read_until_quiet(a)
        given = rng.randint(1, len(ANSWERS))
        for answer, _ in ANSWERS[:given]:
            a.stdin.write((answer + "\n").encode())
            a.stdin.flush()
            read_until_quiet(a)
        b_arguments = ["--resume"] if rng.random() < 0.5 else []
        b = subprocess.run(command + b_arguments, input=b"no\nyes\nsomeone I care for\nquit\n", capture_output=True,
                           env=env, cwd=state, timeout=30)
        b_text = b.stdout.decode("utf-8", "replace")
        a.send_signal(signal.SIGKILL if rng.random() < 0.5 else signal.SIGTERM)
        a.wait()
        missing, leftovers, text = check_resumed(binary, env, state, given)
        if "Another second-opinion conversation is open" not in b_text:
            missing = ["chat B was not told that another conversation is open"] + missing
        return given, missing, leftovers, text + "\n--- chat B ---\n" + b_text
    finally:
        shutil.rmtree(state, ignore_errors=True)


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
    parser.add_argument("--mode", choices=["pipe", "pty", "two-chats"], default="pipe",
                        help="pipe: answers through a pipe; pty: typed at a terminal; two-chats: a second chat beside the first")
    args = parser.parse_args()
    global MIXED
    MIXED = args.signals == "mixed"
    args.binary = os.path.abspath(args.binary)
    rng = random.Random(args.seed)
    failures = 0
    resumed_with_answers = 0
    for i in range(args.runs):
        run = {"pipe": one_run, "pty": one_pty_run, "two-chats": one_two_chats_run}[args.mode]
        given, missing, leftovers, text = run(args.binary, rng)
        if missing or leftovers:
            failures += 1
            print(f"run {i + 1}: {given} answers given, lost {missing}, temp files left {leftovers}")
            print(text)
        elif given:
            resumed_with_answers += 1
    kind = {"pipe": "kill -9" if not MIXED else "KILL/TERM/HUP", "pty": "terminal (KILL/TERM/HUP/closed, Ctrl-C)",
            "two-chats": "two-chat (KILL/TERM)"}[args.mode]
    print(f"{args.runs} {kind} runs: {args.runs - failures} resumed with every given answer "
          f"({resumed_with_answers} had answers to keep), {failures} lost something")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
