"""The Python peer of issue 5, item 3: httpx + httpx-sse, json.loads per event, the reply text to stdout.

    python httpx_sse_client.py BASE_URL      (BASE_URL like http://127.0.0.1:PORT/v1)
"""
import json
import sys

import httpx
from httpx_sse import connect_sse


def main():
    base = sys.argv[1].rstrip("/")
    body = {"model": "demo", "stream": True, "messages": [{"role": "user", "content": "hi"}]}
    out = sys.stdout
    with httpx.Client(timeout=600) as client:
        with connect_sse(client, "POST", f"{base}/chat/completions", json=body) as source:
            source.response.raise_for_status()
            for event in source.iter_sse():
                if event.data == "[DONE]":
                    break
                chunk = json.loads(event.data)
                for choice in chunk.get("choices") or []:
                    text = (choice.get("delta") or {}).get("content")
                    if text:
                        out.write(text)
                        out.flush()
    out.write("\n")


if __name__ == "__main__":
    main()
