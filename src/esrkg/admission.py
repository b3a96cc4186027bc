"""How many queries may run at once: a cap per process and one per session, each refusal one sentence.

A query holds a CPU core for up to its time limit, so without a cap one visitor with a few tabs (or a
script) takes every core of the machine. Slots are taken without waiting: a full cap is refused at
once, so a caller never queues behind someone else's runaway query.
"""

import os
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from esrkg.query_checks import QueryBusy


def cores() -> int:
    """The CPU cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class QuerySlots:
    """At most ``per_process`` queries at once in this process and ``per_session`` per session key."""

    def __init__(self, per_process: int, per_session: int = 1) -> None:
        if per_process < 1 or per_session < 1:
            raise ValueError("Each cap must allow at least one query.")
        self.per_process = per_process
        self.per_session = per_session
        self._lock = threading.Lock()
        self._running = 0
        self._by_session: Counter[str] = Counter()

    @property
    def running(self) -> int:
        """Queries holding a slot now."""
        return self._running

    @contextmanager
    def slot(self, session: str | None = None) -> Iterator[None]:
        """Hold one slot while the block runs; QueryBusy at once if a cap is reached."""
        with self._lock:
            if session is not None and self._by_session[session] >= self.per_session:
                mine = "Another query of yours is" if self.per_session == 1 else \
                    f"{self._by_session[session]} queries of yours are"
                raise QueryBusy(f"{mine} still running; wait for it to finish (or stop it) before running another.")
            if self._running >= self.per_process:
                raise QueryBusy(f"The server is busy: {self._running} queries are running already; "
                                 "try again in a few seconds.")
            self._running += 1
            if session is not None:
                self._by_session[session] += 1
        try:
            yield
        finally:
            with self._lock:
                self._running -= 1
                if session is not None:
                    self._by_session[session] -= 1
                    if not self._by_session[session]:
                        del self._by_session[session]
