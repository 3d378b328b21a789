#!/usr/bin/env python3
"""What logging costs a one-shot turn, for two ssechat binaries side by side.

Usage: python3 Benchmarks/Scripts/logging-pair.py BEFORE_BINARY AFTER_BINARY [ROUNDS]

Starts `AFTER serve --reply-tokens 5 --tokens-per-sec 0` on loopback, then runs four commands ROUNDS times (default
200) in a random order each round, after 3 warm-up runs each: each binary's `--once hi`, logged (a sandboxed
XDG_DATA_HOME per binary) and with `--no-log`. Prints each command's median wall and CPU (user + system) time, and for
each binary the median of the per-round differences logged − `--no-log`, so the load of the moment hits both alike.
"""
import os, random, resource, statistics, subprocess, sys, tempfile, time


def main():
    before, after = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    server = subprocess.Popen([after, "serve", "--port", "0", "--reply-tokens", "5", "--tokens-per-sec", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    url = server.stdout.readline().strip()
    with tempfile.TemporaryDirectory() as folder:
        def environment(tag):
            home = os.path.join(folder, tag)
            return {"PATH": "/usr/bin:/bin", "HOME": home, "XDG_DATA_HOME": home + "/data",
                    "XDG_CONFIG_HOME": home + "/config", "OPENAI_BASE_URL": url + "/v1"}

        commands = {
            "before, logged": (before, ["--once", "hi"], environment("before")),
            "before, --no-log": (before, ["--no-log", "--once", "hi"], environment("before")),
            "after, logged": (after, ["--once", "hi"], environment("after")),
            "after, --no-log": (after, ["--no-log", "--once", "hi"], environment("after")),
        }

        def run(binary, arguments, env):
            usage, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
            subprocess.run([binary] + arguments, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           check=True)
            end, used = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
            return ((end - start) * 1000,
                    (used.ru_utime + used.ru_stime - usage.ru_utime - usage.ru_stime) * 1000)

        for command in commands.values():
            for _ in range(3):
                run(*command)
        results = {name: [] for name in commands}
        for _ in range(rounds):
            order = list(commands)
            random.shuffle(order)
            for name in order:
                results[name].append(run(*commands[name]))
    server.terminate()
    print(f"{'command':20} {'wall median':>12} {'cpu median':>11}")
    for name, values in results.items():
        print(f"{name:20} {statistics.median(v[0] for v in values):10.2f}ms "
              f"{statistics.median(v[1] for v in values):9.2f}ms")
    for side in ("before", "after"):
        logged, unlogged = results[side + ", logged"], results[side + ", --no-log"]
        wall = statistics.median(a[0] - b[0] for a, b in zip(logged, unlogged))
        cpu = statistics.median(a[1] - b[1] for a, b in zip(logged, unlogged))
        print(f"{side}: logged − --no-log, median of the rounds: wall {wall:+.2f} ms, cpu {cpu:+.2f} ms")


main()
