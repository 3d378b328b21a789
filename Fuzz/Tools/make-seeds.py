#!/usr/bin/env python3
"""Regenerates the committed seed corpora in Fuzz/Corpus/ from the test fixtures and a few hand-written cases.

Run from the repository root: python3 Fuzz/Tools/make-seeds.py. Seeds are small (a few KB at most) and named after
what they hold; a regression input found by fuzzing is added by hand next to them (named regression-*).
"""
import json
import os
import re

FIX = "Tests/ChatWireTests/Fixtures"
OUT = "Fuzz/Corpus"


def write(target, name, data):
    os.makedirs(f"{OUT}/{target}", exist_ok=True)
    with open(f"{OUT}/{target}/{name}", "wb") as f:
        f.write(data)


def fixtures():
    for name in sorted(os.listdir(FIX)):
        if name.endswith(".sse"):
            with open(f"{FIX}/{name}", "rb") as f:
                yield name[:-4], f.read()


# sse-parser: header (split seed, options, cut) + stream. Options: caps bits 0-3, bit 4 = two connections.
for i, (name, data) in enumerate(fixtures()):
    write("sse-parser", name, bytes([i * 37 % 256, 0x0F | (0x10 if i % 3 == 0 else 0), 128]) + data[:1000])
hand = {
    "bom-split": b"\xef\xbb\xbfdata: a\r\n\r\n\xef\xbb\xbfdata: b\n\n",
    "partial-bom": b"\xef\xbbdata: a\n\n",
    "fields": b"id: 7\nevent: e\nretry: 1500\ndata\ndata:  two\ndata:x\n\nid\n\n:comment\nretry: +5\nretry: 99999999999999999999\n\n",
    "id-nul": b"id: a\x00b\ndata: x\n\nid: ok\ndata: y\r\r",
    "unfinished": b"event: e\ndata: never dispatched\nid: lost",
    "long-line": b"data: " + b"x" * 100 + b"\n\n",
    "cr-split": b"data: a\r\rdata: b\r\n\r\ndata: c\n\r\n",
    "invalid-utf8": b"data: \xe2\x82\ndata: \xff\n\nevent: \xc3\n\n",
}
for j, (name, data) in enumerate(hand.items()):
    write("sse-parser", name, bytes([j * 53 % 256, (j * 5) % 32, j * 29 % 256]) + data)


def data_lines(data):
    for line in re.split(rb"\r\n|\n|\r", data):
        if line.startswith(b"data: "):
            yield line[6:]
        elif line.startswith(b"data:"):
            yield line[5:]


# openai-fastpath, anthropic-fastpath, gemini-decoder and responses-decoder: one chunk each (distinct shapes only),
# plus hand-written corners.
seen = set()
for name, data in fixtures():
    if name.startswith("anthropic"):
        target = "anthropic-fastpath"
    elif name.startswith("gemini"):
        target = "gemini-decoder"
    elif name.startswith("responses"):
        target = "responses-decoder"
    else:
        target = "openai-fastpath"
    for k, chunk in enumerate(data_lines(data)):
        shape = re.sub(rb'"[^"]*"', b'""', chunk)
        if (target, shape) in seen:
            continue
        seen.add((target, shape))
        write(target, f"{name}-{k}", chunk)
openai = [
    '{"choices":[{"index":0,"delta":{"content":"a\\u00e9\\ud83d\\ude00\\n"},"finish_reason":null}],"usage":null}',
    '{"choices":[{"index":0,"delta":{"reasoning_content":"r","reasoning":"s","content":"c"}}]}',
    '{"choices":[{"index":1,"delta":{"content":"other"}}]}',
    '{"choices":[{"delta":{"content":"x"}},{"delta":{"content":"y"}}]}',
    '{"choices":[],"usage":{"prompt_tokens":9,"completion_tokens":3,"total_tokens":12}}',
    '{"object":"error","message":"bad","type":"invalid","code":400}',
    '{"error":{"message":"overloaded","type":"server_error","code":null}}',
    '{"choices":[{"index":0,"delta":{"content":"dup"},"delta":{"content":"x"}}]}',
    '{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0}]}}]}',
    ' \t{ "choices" : [ { "index" : 0 , "delta" : { "content" : "sp" } } ] }\r\n',
    '{"choices":[{"index":0,"delta":{"content":"\\ud800"}}]}',
    '[DONE]',
    '{"choices":[{"index":0e0,"delta":{"content":"num"}}]}',
    '{"ch\\u006fices":[]}',
]
for k, text in enumerate(openai):
    write("openai-fastpath", f"hand-{k}", text.encode())
anthropic = [
    '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi \\u00e9\\ud83d\\ude00"}}',
    '{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"hmm"}}',
    '{"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"abc"}}',
    '{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\\"a\\""}}',
    '{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":15}}',
    '{"type":"content_block_delta","delta":{"type":"text_delta","text":null}}',
    '{"type":"content_block_delta","delta":{"type":"text_\\u0064elta","text":"esc"}}',
    '{"delta":{"type":"text_delta","text":"no type"}}',
    '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
    '{"type":"content_block_delta","type":"content_block_delta","delta":{}}',
]
for k, text in enumerate(anthropic):
    write("anthropic-fastpath", f"hand-{k}", text.encode())
gemini = [
    '{"candidates":[{"content":{"parts":[{"text":"a\\u00e9\\ud83d\\ude00\\n"}],"role":"model"},"index":0}]}',
    '{"candidates":[{"content":{"parts":[{"text":"think","thought":true},{"text":"say"}]},"index":0}]}',
    '{"candidates":[{"content":{"parts":[{"text":"a"},{"text":"b"},{"text":"c"}]}}]}',
    '{"candidates":[{"content":{"parts":[{"functionCall":{"name":"f","args":{}}}]}}]}',
    '{"candidates":[{"finishReason":"SAFETY","safetyRatings":[{"category":"X","probability":"HIGH"}]}]}',
    '{"candidates":[],"usageMetadata":{"promptTokenCount":9,"thoughtsTokenCount":4,"totalTokenCount":20,'
    + '"promptTokensDetails":[{"modality":"TEXT","tokenCount":9}]}}',
    '{"promptFeedback":{"blockReason":"PROHIBITED_CONTENT"}}',
    '{"error":{"code":429,"message":"quota","status":"RESOURCE_EXHAUSTED"}}',
    '[{"error":{"code":500,"message":"internal","status":"INTERNAL"}}]',
    '[{"candidates":[{"content":{"parts":[{"text":"x"}]}}]},{"candidates":[{"finishReason":"STOP"}]}]',
    '{"candidates":[{"index":1,"content":{"parts":[{"text":"other"}]}}]}',
    '{"candidates":[{"content":{"parts":[{"text":"dup","text":"x"}]}}]}',
    '{"usageMetadata":{"totalTokenCount":12345678901234567890}}',
    '{"usageMetadata":{"totalTokenCount":1.0,"promptTokenCount":-1}}',
    '{"c\\u0061ndidates":[]}',
    ' \t{ "candidates" : [ { "content" : { "parts" : [ { "text" : "sp" } ] } , "finishReason" : "STOP" } ] }\r\n',
]
for k, text in enumerate(gemini):
    write("gemini-decoder", f"hand-{k}", text.encode())

responses = [
    '{"type":"response.output_text.delta","item_id":"msg_1","output_index":0,"content_index":0,"delta":"Hi \\u00e9\\ud83d\\ude00","logprobs":[],"sequence_number":4}',
    '{"type":"response.output_text.delta","delta":"no seq"}',
    '{"type":"response.output_text.delta","delta":"neg","sequence_number":-1}',
    '{"type":"response.output_text.delta","delta":"float","sequence_number":4.0}',
    '{"type":"response.output_text.delta","delta":"big","sequence_number":12345678901234567890}',
    '{"type":"response.output_text.delta","delta":"lp","logprobs":[{"token":"x","logprob":-0.1}],"sequence_number":5}',
    '{"type":"response.output_text.delta","type":"response.output_text.delta","delta":"dup"}',
    '{"type":"response.output_text\\u002edelta","delta":"esc"}',
    '{"type":"response.output_text.delta","delta":"r","response":5}',
    '{"type":"response.reasoning_summary_text.delta","delta":"think","sequence_number":2}',
    '{"type":"response.created","response":{"id":"resp_1","status":"queued","background":true},"sequence_number":0}',
    '{"type":"response.completed","response":{"id":"resp_1","status":"completed","usage":{"input_tokens":3,"output_tokens":4,"total_tokens":7}},"sequence_number":9}',
    '{"type":"response.incomplete","response":{"status":"incomplete","incomplete_details":{"reason":"max_output_tokens"}}}',
    '{"type":"response.failed","response":{"status":"failed","error":{"code":"server_error","message":"boom"}}}',
    '{"type":"error","code":"rate_limit_exceeded","message":"slow down","param":null,"sequence_number":3}',
    '{"error":{"message":"nested","code":429}}',
]
for k, text in enumerate(responses):
    write("responses-decoder", f"hand-{k}", text.encode())

# terminal-sanitizer: byte 0 picks bounds and split seed; the rest is text with sequences of every kind.
texts = [
    b"plain text, no controls\n\twith tab",
    b"\x1b[31mred\x1b[0m \x1b[1;4mbold\x1b[m",
    b"\x1b]0;title\x07after \x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\",
    b"\x1bPdcs\x1b\\ \x1bXsos\x07 \x1b^pm\x1b\\ \x1b_apc\x1b\\ text",
    b"\xc2\x9b31m8-bit csi\xc2\x9d0;t\xc2\x9c \xc2\x90dcs\xc2\x9c \xc2\x85nel \xc2\x80",
    b"esc c\x1bc esc7\x1b7 nF\x1b(B \x1b#8 x",
    b"cancel \x1b[31\x18x sub \x1b]0;t\x1ay",
    b"cr\r\nbare\rcr bel\x07 bs\x08 del\x7f nul\x00 ff\x0c vt\x0b",
    b"\x1b]never terminated " + b"a" * 40,
    b"\x1b[" + b"1;" * 20 + b"m after long csi",
    b"\x1b\x1b[\x1b]\x1b\\\x1b",
    "UTF-8 ünïcödé 日本語 👍🏽 ❤️".encode(),
    b"\xff\xfe invalid \xe2\x82 bytes",
]
for k, text in enumerate(texts):
    write("terminal-sanitizer", f"seq-{k}", bytes([k * 41 % 256]) + text)

# line-wrapper: byte 0 the width (1 + b % 200), byte 1 the seed of pieces and operations, the rest text.
prose = (
    b"Server-Sent Events let a server push a stream of text to the client over one long HTTP response. "
    b"Each event is a block of lines.\n\nWrapping has to happen on the fly."
)
mixed = (
    "The word 日本語 means Japanese; 한국어 is Korean. Emoji: 👍🏽 🇫🇷 👨‍👩‍👧‍👦 ❤️ and text. "
    "中文文本没有空格所以每个字都可以换行 done. A URL like https://example.com/a/very/long/path/that/does/not/fit "
    "is broken hard."
).encode()
cases = [
    (9, prose), (19, prose), (39, mixed), (11, mixed), (0, mixed), (1, b"ab cd\tef\n  indented\n\tx"),
    (9, "123456789❤\ufe0f next".encode()), (4, "abc❤\ufe0f".encode()),
    (9, "caf\u0065\u0301 na\u0308ive e\u0334\u0334 x".encode()),
    (5, "a\u200d b \ufe0f c \u0301".encode()),
    (79, b"code:\n    let x = 1\n\tdone\n" * 3),
    (14, "🇫🇷🇩🇪🇫 👨\u200d👩\u200d👧 ☀\ufe0f ✋🏻".encode()),
]
for k, (width, text) in enumerate(cases):
    write("line-wrapper", f"text-{k}", bytes([width, k * 67 % 256]) + text)
