"""Blocking calls on a daemon thread: one that hangs (a file on a stuck network mount) can
never keep the process alive after the app has quit, as asyncio.to_thread's pool would."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from functools import partial
from typing import TypeVar

T = TypeVar("T")


async def in_daemon_thread(function: Callable[[], T], name: str = "porting-tui-io") -> T:
    """The result of ``function()`` run on a new daemon thread; its exception is raised here."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def deliver(outcome: Callable[[], None]) -> None:
        try:
            loop.call_soon_threadsafe(outcome)
        except RuntimeError:
            # The loop is closed: the app has gone and nobody waits for the answer.
            return

    def settle_result(result: T) -> None:
        if not future.done():
            future.set_result(result)

    def settle_error(error: BaseException) -> None:
        if not future.done():
            future.set_exception(error)

    def run() -> None:
        try:
            result = function()
        except BaseException as error:  # handed to the awaiting task, which decides
            deliver(partial(settle_error, error))
        else:
            deliver(partial(settle_result, result))

    threading.Thread(target=run, name=name, daemon=True).start()
    return await future
