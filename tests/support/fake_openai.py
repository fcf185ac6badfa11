"""A real HTTP server on 127.0.0.1 speaking the parts of the OpenAI protocol we use.

Only the remote, paid service is faked: the `openai` client, HTTP, JSON and server-sent
events are real. The server plays scripted replies (text, HTTP errors, stalled streams) and
records every request, so tests can assert on what the engine sent.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


def fake_vector(text: str, dim: int = 8) -> list[float]:
    """A deterministic vector for `text`."""
    digest = hashlib.sha256(text.encode()).digest()
    return [(b - 128) / 128 for b in digest[:dim]]


@dataclass
class Reply:
    """One scripted answer to a chat request."""

    text: str = ""
    status: int = 200
    stall_after: int | None = None  # stop sending after this many chunks ...
    stall_seconds: float = 0.0  # ... for this long
    delay_seconds: float = 0.0  # wait this long before answering at all (a slow server)
    chunk_seconds: float = 0.0  # wait this long before each chunk of a stream (a model writing slowly)
    garbled: bool = False  # send invalid JSON in the stream's `data:` lines
    truncate_after: int | None = None  # close the connection mid-body after this many chunks
    retry_after_ms: str | None = "10"  # the retry-after-ms header of an error reply (None: no header)
    echo_key: bool = False  # an error body that quotes the API key back, as some servers do


@dataclass
class FakeOpenAI:
    """One fake endpoint: its address, its script, and what it received."""

    base_url: str = ""
    dim: int = 8
    replies: list[Reply] = field(default_factory=list)
    requests: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    arrivals: list[float] = field(default_factory=list)  # time.monotonic() of each chat request
    default_reply: str = "The corpus does not answer this question."

    def script(self, *replies: Reply | str) -> None:
        """Queue replies for the next chat requests, in order."""
        self.replies.extend(r if isinstance(r, Reply) else Reply(text=r) for r in replies)

    @property
    def chat_requests(self) -> list[dict[str, Any]]:
        """The bodies of the chat-completion requests received."""
        return [body for path, body in self.requests if path.endswith("/chat/completions")]


def stream_pieces(text: str) -> list[str]:
    """Split a reply into stream chunks of a word or so, as real servers do."""
    return re.findall(r"\S+\s*|\s+", text) or [""]


@contextmanager
def fake_openai_server(dim: int = 8, port: int = 0) -> Iterator[FakeOpenAI]:
    """Serve `/v1/embeddings` and `/v1/chat/completions` on a loopback port (0: a free one)."""
    state = FakeOpenAI(dim=dim)
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # keep test output clean
            pass

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
            with lock:
                state.requests.append((self.path, body))
                if self.path.endswith("/chat/completions"):
                    state.arrivals.append(time.monotonic())
            if self.path.endswith("/embeddings"):
                self._embeddings(body)
            elif self.path.endswith("/chat/completions"):
                with lock:
                    reply = state.replies.pop(0) if state.replies else Reply(text=state.default_reply)
                self._chat(body, reply)
            else:
                self._send_json(404, {"error": {"message": f"no route {self.path}"}})

        def _embeddings(self, body: dict[str, Any]) -> None:
            inputs = body["input"] if isinstance(body["input"], list) else [body["input"]]
            data = [
                {"object": "embedding", "index": i, "embedding": fake_vector(t, state.dim)}
                for i, t in enumerate(inputs)
            ]
            self._send_json(
                200,
                {
                    "object": "list",
                    "model": body["model"],
                    "data": data,
                    "usage": {"prompt_tokens": 1, "total_tokens": 1},
                },
            )

        def _chat(self, body: dict[str, Any], reply: Reply) -> None:
            if reply.delay_seconds:
                time.sleep(reply.delay_seconds)
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout)
                self._chat_reply(body, reply)

        def _chat_reply(self, body: dict[str, Any], reply: Reply) -> None:
            if reply.status != 200:
                error = f"scripted {reply.status}"
                if reply.echo_key:
                    error += f"; incorrect API key provided: {self.headers.get('Authorization', '')}"
                self._send_json(
                    reply.status,
                    {"error": {"message": error, "type": "server_error"}},
                    {"retry-after-ms": reply.retry_after_ms} if reply.retry_after_ms is not None else {},
                )
                return
            if reply.truncate_after is not None:
                self._truncated_stream(body, reply)
                return
            base = {"id": "chatcmpl-test", "created": int(time.time()), "model": body.get("model", "")}
            if not body.get("stream"):
                message = {"role": "assistant", "content": reply.text}
                self._send_json(
                    200,
                    {
                        **base,
                        "object": "chat.completion",
                        "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
                    },
                )
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            try:
                for i, piece in enumerate(stream_pieces(reply.text)):
                    if reply.stall_after is not None and i == reply.stall_after:
                        time.sleep(reply.stall_seconds)
                    if reply.chunk_seconds:
                        time.sleep(reply.chunk_seconds)
                    chunk = {
                        **base,
                        "object": "chat.completion.chunk",
                        "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}],
                    }
                    data = json.dumps(chunk)[:-7] + "{oops" if reply.garbled else json.dumps(chunk)
                    self.wfile.write(f"data: {data}\n\n".encode())
                    self.wfile.flush()
                done = {
                    **base,
                    "object": "chat.completion.chunk",
                    "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
                }
                self.wfile.write(f"data: {json.dumps(done)}\n\ndata: [DONE]\n\n".encode())
                self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test)

        def _truncated_stream(self, body: dict[str, Any], reply: Reply) -> None:
            """HTTP/1.1 chunked SSE that stops mid-body: the connection closes inside a chunk."""
            self.protocol_version = "HTTP/1.1"
            self.close_connection = True
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            base = {"id": "chatcmpl-test", "created": int(time.time()), "model": body.get("model", "")}
            for piece in stream_pieces(reply.text)[: reply.truncate_after]:
                chunk = {
                    **base,
                    "object": "chat.completion.chunk",
                    "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}],
                }
                event = f"data: {json.dumps(chunk)}\n\n".encode()
                self.wfile.write(f"{len(event):x}\r\n".encode() + event + b"\r\n")
            self.wfile.write(b'40\r\ndata: {"id": "chatcmpl-te')  # a chunk announced, then cut short
            self.wfile.flush()

        def _send_json(self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    state.base_url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
