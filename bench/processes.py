"""What the benchmarks share: bytecode compiled first, an emulator subprocess on a free
loopback port, and timing a child process until something shows in its output."""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parent.parent
START = datetime(2026, 11, 27, 14, 0, tzinfo=UTC)
"""The frozen clock of the emulator's seed-7 world, as the tests use it."""


def compile_bytecode() -> None:
    """Compile the package first, so no figure includes writing .pyc files."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "porting_tui")], check=True
    )


def start_emulator(
    orders: int = 300, *, frozen: bool = False, options: Sequence[str] = ()
) -> tuple[subprocess.Popen[str], str]:
    """``porting-tui emulator`` on a free loopback port; ``frozen``: seed 7 at START;
    ``options``: more of its command-line options (``--seed``, ``--latency-ms``...)."""
    argv = [str(BIN / "porting-tui"), "emulator", "--port", "0", "--orders", str(orders)]
    argv += ["--speed", "0"]
    if frozen:
        argv += ["--seed", "7", "--start", START.isoformat()]
    argv += options
    # Its output goes to a file: a pipe nobody reads would stall it once full.
    with tempfile.TemporaryFile(mode="w+") as log:
        process = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, text=True)
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and process.poll() is None:
            log.seek(0)
            found = re.search(r"listening on (http://\S+)", log.read())
            if found:
                return process, found.group(1)
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("the emulator did not start")


def until_output(argv: list[str], env: dict[str, str], needle: bytes, use_pty: bool) -> float:
    """Seconds from spawn until ``needle`` shows up in the child's output; then stop it."""
    if use_pty:
        leader, follower = pty.openpty()
        os.set_blocking(leader, False)
        set_size(follower, 40, 120)
        began = time.perf_counter()
        child = subprocess.Popen(
            argv, env=env, stdin=follower, stdout=follower, stderr=follower, start_new_session=True
        )
        os.close(follower)
        reader = leader
    else:
        began = time.perf_counter()
        child = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        assert child.stdout is not None
        reader = child.stdout.fileno()
    seen = b""
    try:
        while needle not in seen:
            ready, _, _ = select.select([reader], [], [], 30)
            if not ready:
                raise RuntimeError(f"no {needle!r} within 30 s; got {seen[-300:]!r}")
            try:
                chunk = os.read(reader, 65536)
            except BlockingIOError:
                continue
            except OSError:
                chunk = b""
            if not chunk:
                raise RuntimeError(f"output ended before {needle!r}: {seen[-300:]!r}")
            # Keep the tail only: the needle cannot be longer than this.
            seen = seen[-64:] + chunk
        return time.perf_counter() - began
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGTERM) if use_pty else child.terminate()
        child.wait(timeout=10)
        if use_pty:
            os.close(leader)


def set_size(fd: int, rows: int, columns: int) -> None:
    import fcntl
    import struct
    import termios

    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
