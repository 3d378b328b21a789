#!/usr/bin/env python3
"""Start-up cost of `ssechat --once` with and without a config file.

Usage: scripts/bench-startup.py BEFORE_BINARY AFTER_BINARY [RUNS]

Runs each variant RUNS times (interleaved, after 5 warm-up rounds) against a loopback server that answers at once,
and prints the minimum and median wall time and the median CPU time (user + system) of each, with the ratio to the
first. The variants: BEFORE with no config file, AFTER with no config file, AFTER with a config file whose default
profile supplies the URL, model, system prompt, headers and request parameters. The sandbox's `$HOME` is writable, so
an AFTER that keeps a conversation log logs every run.
"""
import http.server, os, resource, socketserver, statistics, subprocess, sys, tempfile, threading, time

BODY = (b'data: {"choices":[{"index":0,"delta":{"content":"ok"},"finish_reason":null}]}\n\n'
        b'data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n')


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # As servers in production do (Go, Node, nginx, asyncio): without it, the answer's head and body, written
    # separately on a kept connection, wait for the client's delayed ACK (40 ms).
    disable_nagle_algorithm = True

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def do_OPTIONS(self):
        # ssechat opens its connection ahead with an OPTIONS request and sends the POST on it.
        self.send_response(204)
        self.end_headers()

    def log_message(self, *arguments):
        pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


def main():
    before, after = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 150
    server = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    with tempfile.TemporaryDirectory() as folder:
        empty, configured = os.path.join(folder, "empty"), os.path.join(folder, "configured", "ssechat")
        os.makedirs(empty)
        os.makedirs(configured)
        path = os.path.join(configured, "config.toml")
        with open(path, "w") as file:
            file.write(f'''default_profile = "work"
[defaults]
stats = false
color = "auto"
timeout = 120
max_reconnects = 5
[profiles.work]
url = "{url}"
model = "gpt-4o"
system = "Answer briefly."
temperature = 0.2
max_tokens = 1024
headers = {{ "X-Team" = "docs" }}
extra_body = {{ reasoning = {{ effort = "low" }} }}
[profiles.claude]
provider = "anthropic"
model = "claude-sonnet-4-5"
api_key_env = "ANTHROPIC_KEY_WORK"
[profiles.local]
url = "http://localhost:11434/v1"
model = "llama3.2"
''')
        os.chmod(path, 0o600)
        flags = ["--once", "--url", url, "-m", "gpt-4o", "hi"]
        variants = [
            ("before, no config file", before, flags, empty),
            ("after, no config file", after, flags, empty),
            ("after, config file + profile", after, ["--once", "hi"], os.path.dirname(configured)),
        ]
        wall = {name: [] for name, *_ in variants}
        cpu = {name: [] for name, *_ in variants}
        for round in range(runs + 5):
            for name, binary, arguments, config in variants:
                environment = {"PATH": "/usr/bin:/bin", "HOME": folder, "XDG_CONFIG_HOME": config}
                before_usage, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
                result = subprocess.run([binary] + arguments, env=environment, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
                end, after_usage = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
                if result.returncode != 0:
                    sys.exit(f"{name}: exit {result.returncode}")
                if round >= 5:
                    wall[name].append((end - start) * 1000)
                    cpu[name].append((after_usage.ru_utime - before_usage.ru_utime
                                      + after_usage.ru_stime - before_usage.ru_stime) * 1000)
    base = variants[0][0]
    print(f"{'variant':32} {'wall min':>9} {'wall median':>12} {'cpu median':>11}  ratio (wall, cpu)")
    for name, *_ in variants:
        print(f"{name:32} {min(wall[name]):7.1f}ms {statistics.median(wall[name]):10.1f}ms "
              f"{statistics.median(cpu[name]):9.1f}ms  {statistics.median(wall[name]) / statistics.median(wall[base]):.2f}, "
              f"{statistics.median(cpu[name]) / statistics.median(cpu[base]):.2f}")


main()
