"""Serving the tests' fake web services (Google, Dropbox) on a free port of 127.0.0.1.

Each fake is a plain object that answers requests; its request handler reaches it as
`self.server.fake`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar

HOST = "127.0.0.1"

Fake = TypeVar("Fake")


class FakeServer(ThreadingHTTPServer):
    # A test that ends mid-request must not wait for the handler's thread.
    daemon_threads = True
    fake: Any


@contextmanager
def serving(
    handler: type[BaseHTTPRequestHandler], make_fake: Callable[[int], Fake]
) -> Iterator[Fake]:
    """Run the fake made for the free port it got, for the block."""
    server = FakeServer((HOST, 0), handler)
    server.fake = fake = make_fake(server.server_address[1])
    # A short poll lets shutdown() return quickly at the end of each test.
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
