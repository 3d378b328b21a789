"""Issue 5, items 5 and 7: start-up cost, with hyperfine, against a hello-world Swift binary that loads
FoundationNetworking, in the same run.

    python startup.py [--runs 30] [--llm-runs 5]
"""
import argparse
import json
import os
import subprocess
import tempfile

from e2e_common import REQUEST_BODY, Sandbox, Server, Tools, log, seconds, table, verdict


def hyperfine(commands, env, runs, warmup):
    """Runs hyperfine -N over `commands` ({label: argv}); returns {label: (median, min, max)} in seconds."""
    with tempfile.NamedTemporaryFile(suffix=".json") as export:
        argv = ["hyperfine", "-N", "--style", "none", "--runs", str(runs), "--warmup", str(warmup),
                "--export-json", export.name]
        for label, command in commands.items():
            argv += ["--command-name", label, " ".join(command)]
        subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        results = json.load(open(export.name))["results"]
    return {result["command"]: (result["median"], result["min"], result["max"]) for result in results}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--llm-runs", type=int, default=5)
    options = parser.parse_args()
    tools, sandbox = Tools(), Sandbox()
    try:
        server = Server(tools, sandbox, "--tokens-per-sec", "0", "--reply-tokens", "5")
        try:
            sandbox.configure_llm(server.base_url)
            env = sandbox.env(server.base_url)
            # hyperfine -N splits the command on spaces, so the curl body goes through a file.
            body = os.path.join(sandbox.root, "body.json")
            with open(body, "w") as file:
                file.write(REQUEST_BODY)
            commands = {
                "hello-networking": [tools.hello],
                "ssechat --version": [tools.ssechat, "--version"],
                "ssechat --once hi": [tools.ssechat, "--once", "hi"],
                "bare-client": [tools.bare, server.base_url],
                "curl -sN": ["curl", "-sN", "-o", "/dev/null", "-H", "Content-Type:application/json",
                             "--data-binary", "@" + body, server.base_url + "/chat/completions"],
            }
            log(f"startup: hyperfine, {options.runs} runs each")
            results = hyperfine(commands, env, options.runs, 3)
            log(f"startup: llm, {options.llm_runs} runs")
            results.update(hyperfine({"llm -m demo hi": [tools.llm, "-m", "demo", "hi"]}, env, options.llm_runs, 1))
        finally:
            server.stop()
    finally:
        sandbox.close()

    hello = results["hello-networking"][0]
    labels = {
        "hello-networking": "hello world + FoundationNetworking (baseline)",
        "ssechat --version": "**`ssechat --version`**",
        "ssechat --once hi": "**`ssechat --once hi`**, 5-token reply",
        "bare-client": "bare URLSession delegate, 5-token reply",
        "curl -sN": "`curl -sN`, 5-token reply",
        "llm -m demo hi": "`llm -m demo hi`, 5-token reply",
    }
    rows = [[label, seconds(results[key][0]), f"{seconds(results[key][1])} – {seconds(results[key][2])}",
             f"{results[key][0] / hello:.2f}×"] for key, label in labels.items()]
    print("### Start-up (issue 5, items 5 and 7)\n")
    print(f"`hyperfine -N --runs {options.runs} --warmup 3` (llm: {options.llm_runs} runs, 1 warm-up), all in one "
          f"run against one `ssechat serve --reply-tokens 5`. The baseline is `Benchmarks/Sources/hello-networking`, "
          f"a release hello world that imports FoundationNetworking and builds a `URLRequest`.\n")
    print(table(["Command", "Median", "Min – max", "vs hello"], rows))
    version = results["ssechat --version"][0] / hello
    once = results["ssechat --once hi"][0] / hello
    print(f"- Within 1.5× of the hello world: `--version` {verdict(version <= 1.5)} ({version:.2f}×); "
          f"`--once` with a 5-token reply {verdict(once <= 1.5)} ({once:.2f}×; the bare delegate's request is "
          f"{results['bare-client'][0] / hello:.2f}×). `llm` takes {results['llm -m demo hi'][0] / results['ssechat --once hi'][0]:.0f}× "
          f"ssechat's time.\n")


if __name__ == "__main__":
    main()
