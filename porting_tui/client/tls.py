"""The clients' TLS context: built once per process, in a thread started early.

Creating an ``httpx.AsyncClient`` loads the certificate authorities into a new TLS context
(``httpx.create_ssl_context``): about 20 ms, nearly all of it in OpenSSL with the GIL released.
``prepare()`` starts that in a thread as soon as a command knows it will talk to the API, so it
overlaps the imports and the profile reading that come before the first request instead of
adding to them; every client of the process then shares the one context (the board across
projects opens one client per profile). The context is httpx's default one, so what is
trusted does not change (``SSL_CERT_FILE`` and ``SSL_CERT_DIR`` are honoured as httpx does).
"""

from __future__ import annotations

import contextlib
import ssl
import threading

import httpx

_lock = threading.Lock()
_builder: threading.Thread | None = None
_context: ssl.SSLContext | None = None


def prepare() -> None:
    """Start building the shared context in a thread, unless that is started or done."""
    global _builder
    with _lock:
        if _builder is None and _context is None:
            _builder = threading.Thread(target=_build, name="tls-context", daemon=True)
            _builder.start()


def _build() -> None:
    global _context
    # A failure (a bad SSL_CERT_FILE, say) leaves no context: shared_context() then builds
    # again in the caller's thread, where the error is raised as httpx raises it.
    with contextlib.suppress(Exception):
        _context = httpx.create_ssl_context()


def shared_context() -> ssl.SSLContext:
    """The context every client uses; waits for ``prepare()``'s thread if it is running."""
    global _builder, _context
    prepare()
    builder = _builder
    if builder is not None:
        builder.join()
    with _lock:
        if _context is None:
            _builder = None  # a later call tries again if this one raises
            _context = httpx.create_ssl_context()
        return _context
