"""Issue 5, item 6: peak RSS of `ssechat --once` as the reply grows, with a slow consumer, and after a 100-turn
conversation in scripted-stdin mode; then where the peak goes, mapping by mapping, for ssechat and the bare delegate.

Peak RSS is the child's ru_maxrss from wait4 (what `/usr/bin/time -f %M` prints), in MiB; the median of `--runs`
runs, the bare delegate and ssechat alternating. The breakdown comes from separate runs whose /proc/PID/smaps is read
whenever /proc/PID/smaps_rollup shows a new peak.

    python memory.py [--megabytes 100,1000] [--slow-megabytes 100] [--turns 100] [--runs 3]
"""
import argparse
import os
import re
import statistics
import subprocess
import time

from e2e_common import Sandbox, Server, Tools, log, seconds, table, verdict, wait_rusage

WIRE_BYTES_PER_TOKEN = 218  # the built-in server's coalesced stream, measured by the bare delegate
ARENA_ALIGNMENT = 64 << 20  # glibc's thread arenas are 64 MiB-aligned mmap regions (HEAP_MAX_SIZE)
MAPPING = re.compile(r"^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$")
CATEGORIES = ["own executable", "Swift runtime and Foundation (.so)", "other shared libraries",
              "malloc: main heap", "malloc: thread arenas", "thread stacks", "other anonymous"]


def categorize(smaps, executable):
    """KiB resident per category (CATEGORIES) in the text of one /proc/PID/smaps, and the number of arenas."""
    kib, arenas, current = dict.fromkeys(CATEGORIES, 0), 0, None
    for line in smaps.splitlines():
        match = MAPPING.match(line)
        if match:
            start, end = int(match.group(1), 16), int(match.group(2), 16)
            name, writable = match.group(4), match.group(3).startswith("rw")
            if name == executable:
                current = "own executable"
            elif name.startswith("/") and "/lib/swift/" in name:
                current = "Swift runtime and Foundation (.so)"
            elif name.startswith("/"):
                current = "other shared libraries"
            elif name == "[heap]":
                current = "malloc: main heap"
            elif name == "[stack]" or (not name and writable and end - start == 8 << 20):
                current = "thread stacks"
            elif not name and writable and start % ARENA_ALIGNMENT == 0:
                current = "malloc: thread arenas"
                arenas += 1
            else:
                current = "other anonymous"
            continue
        if line.startswith("Rss:") and current:
            kib[current] += int(line.split()[1])
    return kib, arenas


def peak_breakdown(command, env):
    """Runs `command`, reading its smaps at each new peak; returns (categories at the peak, arenas, ru_maxrss KiB)."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               stdin=subprocess.DEVNULL, env=env)
    best, best_smaps = 0, ""
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            process.returncode = os.waitstatus_to_exitcode(status)
            break
        try:
            with open(f"/proc/{process.pid}/smaps_rollup") as file:
                rss = int(re.search(r"^Rss:\s+(\d+)", file.read(), re.M).group(1))
            if rss > best + 64:
                with open(f"/proc/{process.pid}/smaps") as file:
                    best_smaps, best = file.read(), rss
        except (OSError, AttributeError):
            pass
        time.sleep(0.005)
    kib, arenas = categorize(best_smaps, os.path.realpath(command[0]))
    return kib, arenas, usage.ru_maxrss


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
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    sizes = [int(size) for size in options.megabytes.split(",")]
    tools, sandbox = Tools(), Sandbox()
    rows, peaks, once_peaks, bare_peaks, breakdowns = [], [], {}, {}, {}
    try:
        for megabytes in sizes:
            tokens = megabytes * 1_000_000 // WIRE_BYTES_PER_TOKEN

            def fresh_server(run):
                """Calls run(env, base_url) against a new server: `serve` keeps each reply's whole event log (for
                resumption), so one server answering every run of a 1 GB reply would grow by a GB per run."""
                server = Server(tools, sandbox, "--tokens-per-sec", "0", "--reply-tokens", str(tokens))
                try:
                    return run(sandbox.env(server.base_url), server.base_url)
                finally:
                    server.stop()

            def bare_run(env, base_url):
                process = subprocess.Popen([tools.bare, base_url], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                           env=env)
                _, rss = wait_rusage(process)
                return rss, int(re.search(rb"bytes (\d+)", process.stderr.read()).group(1))

            def once_run(env, base_url):
                start = time.monotonic()
                process = subprocess.Popen([tools.ssechat, "--once", "hi"], stdout=subprocess.DEVNULL,
                                           stderr=subprocess.DEVNULL, env=env)
                status, rss = wait_rusage(process)
                if status != 0:
                    raise RuntimeError(f"ssechat exited {status}")
                return rss, time.monotonic() - start

            bare_runs, runs, walls = [], [], []
            for run in range(options.runs):
                log(f"memory: {megabytes} MB reply, bare delegate and ssechat, run {run + 1}/{options.runs}")
                bare_rss, wire = fresh_server(bare_run)
                bare_runs.append(bare_rss)
                rss, wall = fresh_server(once_run)
                runs.append(rss)
                walls.append(wall)
            rss, bare_rss = statistics.median(runs), statistics.median(bare_runs)
            peaks.append(rss)
            once_peaks[megabytes], bare_peaks[megabytes] = rss, bare_rss
            rows.append([f"**`ssechat --once` → /dev/null**, {tokens:,} tokens", f"{wire / 1e6:,.0f} MB",
                         seconds(statistics.median(walls)), mib_spread(runs), mib_spread(bare_runs),
                         f"{rss / bare_rss:.2f}× ({(rss - bare_rss) / 1024:+.1f} MiB)"])
            log(f"memory: {megabytes} MB reply, where the peak goes (smaps at each new peak)")
            breakdowns[megabytes] = (
                fresh_server(lambda env, base_url: peak_breakdown([tools.bare, base_url], env)),
                fresh_server(lambda env, base_url: peak_breakdown([tools.ssechat, "--once", "hi"], env)))
            if megabytes == options.slow_megabytes:
                log(f"memory: {megabytes} MB reply into a consumer reading {options.slow_rate // 1024} KiB/s")
                slow_wall, slow_rss, text = fresh_server(
                    lambda env, base_url: slow_consumer([tools.ssechat, "--once", "hi"], env, options.slow_rate))
                peaks.append(slow_rss)
                rows.append([f"**`ssechat --once` → pipe read at {options.slow_rate // 1024} KiB/s**, "
                             f"{tokens:,} tokens", f"{wire / 1e6:,.0f} MB", seconds(slow_wall),
                             f"{slow_rss / 1024:.1f} MiB", "—", "—"])
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
                             "—", seconds(time.monotonic() - start), f"{rss / 1024:.1f} MiB", "—", "—"])
        finally:
            server.stop()
    finally:
        sandbox.close()

    print("### Memory: peak RSS (issue 5, item 6)\n")
    print("Peak RSS is the child's `ru_maxrss` from `wait4` (the figure `/usr/bin/time -f %M` prints); for the "
          f"/dev/null rows the median of {options.runs} runs, the bare delegate and ssechat alternating (min – max "
          "in brackets). The server is `ssechat serve --tokens-per-sec 0` in another process, so it produces as fast "
          "as it can; the slow consumer reads the reply text 4 KiB at a time with pauses, so the server is far "
          "ahead of the terminal and only bounded buffering keeps the client small. The REPL figure is for "
          "scripted-stdin mode (stdin a pipe: one turn per line, one conversation), not a pty.\n")
    print(table(["Run", "Wire", "Wall", "Peak RSS", "Bare delegate's peak RSS", "vs bare"], rows))
    largest = max(peaks)
    once = [once_peaks[size] for size in sizes]
    growth = once[-1] - once[0]
    print(f"- ≤ 40 MiB, and the largest reply within 1 MiB of the smallest: "
          f"{verdict(largest <= 40 * 1024 and abs(growth) <= 1024)} (largest {largest / 1024:.1f} MiB; "
          f"{sizes[-1]:,} MB vs {sizes[0]:,} MB: {growth / 1024:+.1f} MiB; the bare delegate "
          f"{(bare_peaks[sizes[-1]] - bare_peaks[sizes[0]]) / 1024:+.1f} MiB).\n")
    print("**Where the peak goes** (separate runs; `/proc/PID/smaps` read at each new peak of "
          "`/proc/PID/smaps_rollup`; thread arenas are glibc's 64 MiB-aligned heaps for threads other than the "
          "main one):\n")
    headers, rows = ["Mapping"], [[category] for category in CATEGORIES]
    for size in sizes:
        (bare_kib, bare_arenas, _), (once_kib, once_arenas, _) = breakdowns[size]
        headers += [f"bare, {size:,} MB", f"ssechat, {size:,} MB"]
        for row, category in zip(rows, CATEGORIES):
            row += [f"{bare_kib[category] / 1024:.1f}", f"{once_kib[category] / 1024:.1f}"]
    rows.append(["**total (MiB)**"] + [f"**{sum(kib.values()) / 1024:.1f}**" for size in sizes
                                      for (kib, _, _) in breakdowns[size]])
    rows.append(["`ru_maxrss` of that run"] + [f"{maxrss / 1024:.1f}" for size in sizes
                                              for (_, _, maxrss) in breakdowns[size]])
    print(table(headers, rows))


def mib_spread(values):
    """The median in MiB, with the smallest and largest run."""
    if len(values) == 1:
        return f"{values[0] / 1024:.1f} MiB"
    return f"{statistics.median(values) / 1024:.1f} MiB ({min(values) / 1024:.1f} – {max(values) / 1024:.1f})"


if __name__ == "__main__":
    main()
