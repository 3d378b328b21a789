"""Issue 5, item 6: peak RSS of `ssechat --once` as the reply grows, with a slow consumer, and after a 100-turn
conversation in scripted-stdin mode.

Peak RSS is the child's ru_maxrss from wait4 (what `/usr/bin/time -f %M` prints), in MiB.

    python memory.py [--megabytes 100,1000] [--slow-megabytes 100] [--turns 100]
"""
import argparse
import os
import re
import subprocess
import time

from e2e_common import Sandbox, Server, Tools, log, seconds, table, verdict, wait_rusage

WIRE_BYTES_PER_TOKEN = 218  # the built-in server's coalesced stream, measured by the bare delegate


def slow_consumer(command, env, rate):
    """Runs `command` with stdout on a pipe read at `rate` bytes/s; returns (wall, peak RSS KiB, bytes read)."""
    start = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               stdin=subprocess.DEVNULL, env=env)
    received, block, pause = 0, 4096, 4096 / rate
    while True:
        data = os.read(process.stdout.fileno(), block)
        if not data:
            break
        received += len(data)
        time.sleep(pause)
    status, rss = wait_rusage(process)
    if status != 0:
        raise RuntimeError(f"ssechat with a slow consumer exited {status}")
    return time.monotonic() - start, rss, received


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", default="100,1000")
    parser.add_argument("--slow-megabytes", type=int, default=100)
    parser.add_argument("--slow-rate", type=int, default=256 * 1024)
    parser.add_argument("--turns", type=int, default=100)
    options = parser.parse_args()
    sizes = [int(size) for size in options.megabytes.split(",")]
    tools, sandbox = Tools(), Sandbox()
    rows, peaks = [], []
    try:
        for megabytes in sizes:
            tokens = megabytes * 1_000_000 // WIRE_BYTES_PER_TOKEN
            server = Server(tools, sandbox, "--tokens-per-sec", "0", "--reply-tokens", str(tokens))
            try:
                env = sandbox.env(server.base_url)
                log(f"memory: {megabytes} MB reply, bare delegate and ssechat")
                start = time.monotonic()
                process = subprocess.Popen([tools.bare, server.base_url], stdout=subprocess.DEVNULL,
                                           stderr=subprocess.PIPE, env=env)
                _, bare_rss = wait_rusage(process)
                bare_wall = time.monotonic() - start
                wire = int(re.search(rb"bytes (\d+)", process.stderr.read()).group(1))
                start = time.monotonic()
                process = subprocess.Popen([tools.ssechat, "--once", "hi"], stdout=subprocess.DEVNULL,
                                           stderr=subprocess.DEVNULL, env=env)
                status, rss = wait_rusage(process)
                if status != 0:
                    raise RuntimeError(f"ssechat exited {status}")
                wall = time.monotonic() - start
                peaks.append(rss)
                rows.append([f"**`ssechat --once` → /dev/null**, {tokens:,} tokens", f"{wire / 1e6:,.0f} MB",
                             seconds(wall), f"{rss / 1024:.1f} MiB", f"{bare_rss / 1024:.1f} MiB"])
                if megabytes == options.slow_megabytes:
                    log(f"memory: {megabytes} MB reply into a consumer reading {options.slow_rate // 1024} KiB/s")
                    slow_wall, slow_rss, text = slow_consumer([tools.ssechat, "--once", "hi"], env, options.slow_rate)
                    peaks.append(slow_rss)
                    rows.append([f"**`ssechat --once` → pipe read at {options.slow_rate // 1024} KiB/s**, "
                                 f"{tokens:,} tokens", f"{wire / 1e6:,.0f} MB", seconds(slow_wall),
                                 f"{slow_rss / 1024:.1f} MiB", "—"])
            finally:
                server.stop()
        server = Server(tools, sandbox, "--tokens-per-sec", "0", "--reply-tokens", "200")
        try:
            env = sandbox.env(server.base_url)
            for turns in (1, options.turns):
                log(f"memory: scripted stdin, {turns} turns")
                process = subprocess.Popen([tools.ssechat], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                           stderr=subprocess.DEVNULL, env=env)
                process.stdin.write("".join(f"question {index}\n" for index in range(turns)).encode())
                process.stdin.close()
                start = time.monotonic()
                status, rss = wait_rusage(process)
                if status != 0:
                    raise RuntimeError(f"ssechat scripted stdin exited {status}")
                rows.append([f"`ssechat < {turns} lines` (scripted stdin, one conversation, 200-token replies)",
                             "—", seconds(time.monotonic() - start), f"{rss / 1024:.1f} MiB", "—"])
        finally:
            server.stop()
    finally:
        sandbox.close()

    print("### Memory: peak RSS (issue 5, item 6)\n")
    print("Peak RSS is the child's `ru_maxrss` from `wait4` (the figure `/usr/bin/time -f %M` prints). The server "
          "is `ssechat serve --tokens-per-sec 0` in another process, so it produces as fast as it can; the slow "
          "consumer reads the reply text 4 KiB at a time with pauses, so the server is far ahead of the terminal "
          "and only bounded buffering keeps the client small. The REPL figure is for scripted-stdin mode (stdin a "
          "pipe: one turn per line, one conversation), not a pty.\n")
    print(table(["Run", "Wire", "Wall", "Peak RSS", "Bare delegate's peak RSS"], rows))
    flat = max(peaks) - min(peaks) <= 8 * 1024
    print(f"- ≤ 40 MB and flat: {verdict(max(peaks) <= 40 * 1024 and flat)} (largest {max(peaks) / 1024:.1f} MiB, "
          f"spread {(max(peaks) - min(peaks)) / 1024:.1f} MiB across the reply sizes and the slow consumer).\n")


if __name__ == "__main__":
    main()
