"""Shared helpers of the end-to-end benchmarks (issue 5, items 3-7): servers, sandboxes, timed runs, ptys, tables.

Every timed child is waited for with os.wait4, so its wall time and peak RSS (ru_maxrss, the figure
`/usr/bin/time -f %M` prints) come from the same call.
"""
import fcntl
import json
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

REQUEST_BODY = json.dumps({"model": "demo", "stream": True, "messages": [{"role": "user", "content": "hi"}]})


def log(message):
    """Progress on stderr (stdout carries the Markdown)."""
    print(f"bench: {message}", file=sys.stderr, flush=True)


class Tools:
    """Paths of everything the benchmarks run, from the environment scripts/bench sets."""

    def __init__(self):
        self.ssechat = os.environ["BENCH_SSECHAT"]
        self.bin = os.environ["BENCH_BIN"]
        self.venv = os.environ["BENCH_VENV"]
        self.scripts = os.path.dirname(os.path.abspath(__file__))
        self.bare = os.path.join(self.bin, "bare-client")
        self.hello = os.path.join(self.bin, "hello-networking")
        self.python = os.path.join(self.venv, "bin", "python")
        self.llm = os.path.join(self.venv, "bin", "llm")
        self.httpx_client = os.path.join(self.scripts, "httpx_sse_client.py")


class Sandbox:
    """A temporary HOME/XDG/LLM_USER_PATH, so no run reads or writes the user's files or keys."""

    def __init__(self):
        self.root = tempfile.mkdtemp(prefix="ssechat-bench-")
        self.llm_dir = os.path.join(self.root, "llm")
        os.makedirs(self.llm_dir)

    def env(self, base_url=None):
        """A minimal environment: no provider keys of the user's, loopback only."""
        env = {key: os.environ[key] for key in ("PATH", "LANG", "LC_ALL") if key in os.environ}
        env.update(HOME=self.root, XDG_STATE_HOME=os.path.join(self.root, "state"),
                   XDG_CONFIG_HOME=os.path.join(self.root, "config"), LLM_USER_PATH=self.llm_dir,
                   TERM="xterm-256color", NO_PROXY="*", OPENAI_API_KEY="x")
        env.setdefault("LANG", "C.UTF-8")
        if base_url:
            env["OPENAI_BASE_URL"] = base_url
        return env

    def configure_llm(self, base_url):
        """Points llm's model `demo` at `base_url` (its extra-openai-models.yaml)."""
        with open(os.path.join(self.llm_dir, "extra-openai-models.yaml"), "w") as file:
            file.write(f"- model_id: demo\n  model_name: ssechat-demo\n  api_base: \"{base_url}\"\n")

    def close(self):
        shutil.rmtree(self.root, ignore_errors=True)


class Server:
    """`ssechat serve --port 0 …` in the background; `base_url` is its OpenAI base (…/v1)."""

    def __init__(self, tools, sandbox, *arguments):
        self.arguments = ["serve", "--port", "0", *arguments]
        self.process = subprocess.Popen([tools.ssechat, *self.arguments], stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, env=sandbox.env())
        line = self.process.stdout.readline().decode().strip()
        if not line.startswith("http://127.0.0.1:"):
            self.stop()
            raise RuntimeError(f"ssechat serve printed {line!r}")
        self.base_url = line.rstrip("/") + "/v1"

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def wait_rusage(process):
    """Waits for `process`; returns (exit status, peak RSS in KiB)."""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, usage.ru_maxrss


def run_timed(command, env, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL):
    """Runs `command` to completion; returns (wall seconds, peak RSS KiB). Fails on a non-zero exit."""
    start = time.monotonic()
    process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.PIPE, stdin=stdin, env=env)
    status, rss = wait_rusage(process)
    wall = time.monotonic() - start
    error = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if status != 0:
        raise RuntimeError(f"{command[0]} exited {status}: {error.strip()[-500:]}")
    return wall, rss, error


def open_pty(columns=80, rows=24):
    """A new pty pair (master, slave) with a window size set."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    return master, slave


def spawn_on_pty(command, env, slave):
    """Starts `command` with stdin, stdout and stderr on the pty `slave`, as its controlling terminal."""
    def child_setup():
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env,
                               preexec_fn=child_setup, close_fds=True)
    os.close(slave)
    return process


def run_on_pty(command, env):
    """Runs `command` on a fresh pty, draining the master as a terminal would; returns (wall s, RSS KiB, bytes)."""
    master, slave = open_pty()
    start = time.monotonic()
    process = spawn_on_pty(command, env, slave)
    received = 0
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: every slave descriptor closed
            break
        if not data:
            break
        received += len(data)
    status, rss = wait_rusage(process)
    wall = time.monotonic() - start
    os.close(master)
    if status != 0:
        raise RuntimeError(f"{command[0]} on a pty exited {status}")
    return wall, rss, received


def median(values):
    return statistics.median(values) if values else float("nan")


def seconds(value):
    """A duration for a table: ms below 1 s."""
    if value != value:
        return "—"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def table(headers, rows, right_from=1):
    """A Markdown table; columns from `right_from` on are right-aligned."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows)]
    def line(cells):
        return "| " + " | ".join(str(cell).ljust(width) if index < right_from else str(cell).rjust(width)
                                 for index, (cell, width) in enumerate(zip(cells, widths))) + " |"
    rule = "|" + "|".join(("-" * (width + 2)) if index < right_from else ("-" * (width + 1) + ":")
                          for index, width in enumerate(widths)) + "|"
    return "\n".join([line(headers), rule, *(line(row) for row in rows)]) + "\n"


def verdict(met):
    return "**met**" if met else "**not met**"
