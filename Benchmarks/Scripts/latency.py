"""Issue 5, item 4: delivery latency, from the server's write of an event to its bytes on the pty master.

One process, one thread, one clock (CLOCK_MONOTONIC): a select loop is both the HTTP server (it writes one OpenAI
chunk every 10 ms, each its own HTTP chunk, and notes the time just before the write) and the terminal (it reads
the pty master the client runs on, and notes when each event's marker `wNNNNN` has fully arrived). The client is
`ssechat --once` (renderer included) or the bare URLSession delegate echoing each chunk as it arrives.

    python latency.py [--events 1000] [--interval-ms 10] [--rounds 2]
"""
import argparse
import json
import os
import re
import select
import socket
import time

from e2e_common import Sandbox, Tools, log, open_pty, spawn_on_pty, table, verdict, wait_rusage

MARKER = re.compile(rb"w(\d{5})")


def event(delta, finish=None):
    chunk = {"id": "chatcmpl-latency", "object": "chat.completion.chunk", "created": 1, "model": "demo",
             "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
    return http_chunk(f"data: {json.dumps(chunk)}\n\n".encode())


def http_chunk(data):
    """`data` as one HTTP/1.1 chunk."""
    return b"%x\r\n%s\r\n" % (len(data), data)


def read_request(connection):
    """Reads one HTTP request (head and Content-Length body); returns its method."""
    data = b""
    while b"\r\n\r\n" not in data:
        more = connection.recv(65536)
        if not more:
            raise RuntimeError("client closed before sending a request")
        data += more
    head, _, body = data.partition(b"\r\n\r\n")
    length = re.search(rb"(?i)content-length:\s*(\d+)", head)
    needed = int(length.group(1)) if length else 0
    while len(body) < needed:
        body += connection.recv(65536)
    return head.split(b" ", 1)[0]


def measure(command, env, listener, events, interval):
    """Runs one client; returns the latencies in ms, event by event."""
    master, slave = open_pty()
    process = spawn_on_pty(command, env, slave)
    listener.settimeout(30)
    connection, _ = listener.accept()
    connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    # ssechat opens its connection ahead with an OPTIONS request, then sends the POST on it.
    while read_request(connection) == b"OPTIONS":
        connection.sendall(b"HTTP/1.1 204 No Content\r\n\r\n")
    connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                       b"Transfer-Encoding: chunked\r\n\r\n" + event({"role": "assistant", "content": ""}))
    written, arrived = {}, {}
    pending = b""
    sent = 0
    next_write = time.monotonic() + 0.05
    while True:
        now = time.monotonic()
        if sent < events and now >= next_write:
            payload = event({"content": f"w{sent:05d} "})
            written[sent] = time.monotonic_ns()
            connection.sendall(payload)
            sent += 1
            next_write += interval
            if sent == events:
                connection.sendall(event({}, "stop") + http_chunk(b"data: [DONE]\n\n") + b"0\r\n\r\n")
            continue
        timeout = max(0.0, next_write - now) if sent < events else 10.0
        ready, _, _ = select.select([master], [], [], timeout)
        if not ready:
            if sent >= events:
                break
            continue
        stamp = time.monotonic_ns()
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        pending += data
        last = 0
        for match in MARKER.finditer(pending):
            arrived.setdefault(int(match.group(1)), stamp)
            last = match.end()
        pending = pending[last:] if last else pending[-16:]
    connection.close()
    wait_rusage(process)
    os.close(master)
    missing = [index for index in range(events) if index not in arrived]
    if missing:
        raise RuntimeError(f"{command[0]}: {len(missing)} of {events} events never reached the pty")
    return [(arrived[index] - written[index]) / 1e6 for index in range(events)]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--interval-ms", type=float, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    options = parser.parse_args()
    tools, sandbox = Tools(), Sandbox()
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    base_url = f"http://127.0.0.1:{listener.getsockname()[1]}/v1"
    env = sandbox.env(base_url)
    clients = {"bare": [tools.bare, base_url, "--echo"], "ssechat": [tools.ssechat, "--once", "hi"]}
    samples = {name: [] for name in clients}
    try:
        for round_index in range(options.rounds):
            for name, command in (clients.items() if round_index % 2 == 0 else reversed(clients.items())):
                log(f"latency round {round_index + 1}/{options.rounds}: {name}")
                samples[name] += measure(command, env, listener, options.events, options.interval_ms / 1000)
    finally:
        listener.close()
        sandbox.close()

    stats = {name: {p: percentile(values, p) for p in (0.5, 0.9, 0.99, 1.0)} for name, values in samples.items()}
    print(f"### Latency: server write → bytes on the pty master (issue 5, item 4)\n")
    print(f"A benchmark server (`Benchmarks/Scripts/latency.py`) writes one OpenAI chunk every "
          f"{options.interval_ms:g} ms ({options.events:,} events, each its own HTTP chunk, TCP_NODELAY) and reads "
          f"the client's pty master in the same single-threaded select loop, on CLOCK_MONOTONIC. "
          f"{options.rounds} runs per client, alternating; percentiles over all {options.events * options.rounds:,} "
          f"events of a client.\n")
    rows = [[label] + [f"{stats[name][p]:.3f} ms" for p in (0.5, 0.9, 0.99, 1.0)]
            for label, name in (("bare URLSession delegate, echoes each chunk", "bare"),
                                ("**`ssechat --once`** (renderer, pty)", "ssechat"))]
    added50 = stats["ssechat"][0.5] - stats["bare"][0.5]
    added99 = stats["ssechat"][0.99] - stats["bare"][0.99]
    rows.append(["ssechat − bare", f"{added50:+.3f} ms", f"{stats['ssechat'][0.9] - stats['bare'][0.9]:+.3f} ms",
                 f"{added99:+.3f} ms", f"{stats['ssechat'][1.0] - stats['bare'][1.0]:+.3f} ms"])
    print(table(["Client", "p50", "p90", "p99", "max"], rows))
    print(f"- p50 ≤ 0.5 ms: {verdict(stats['ssechat'][0.5] <= 0.5)} ({stats['ssechat'][0.5]:.3f} ms).")
    print(f"- ssechat adds ≤ 0.2 ms at p50 and ≤ 0.5 ms at p99: {verdict(added50 <= 0.2 and added99 <= 0.5)} "
          f"({added50:+.3f} ms, {added99:+.3f} ms).\n")


if __name__ == "__main__":
    main()
