"""The forked worker: answers, errors, the time limit, a task that ignores SIGTERM, the memory cap."""

import os
import signal
import time

import pytest

from esrkg.worker import WorkerCrashed, WorkerOutOfMemory, WorkerTimeout, run_in_worker
from tests.processes import children


def spin_forever() -> None:
    while True:
        pass


def ignore_sigterm_and_spin() -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    spin_forever()


def allocate_forever() -> None:
    hoard = []
    while True:
        hoard.append(bytearray(16 * 1024 * 1024))


def test_the_answer_comes_back():
    assert run_in_worker(lambda: sum(range(10)), timeout=5, memory_mb=256) == 45


def test_the_tasks_own_error_is_raised_in_the_caller():
    with pytest.raises(KeyError, match="missing"):
        run_in_worker(lambda: {}["missing"], timeout=5, memory_mb=256)


def test_the_worker_runs_in_another_process():
    assert run_in_worker(os.getpid, timeout=5, memory_mb=256) != os.getpid()


def test_a_task_ignoring_sigterm_is_killed_after_the_grace_period():
    before = children(os.getpid())
    started = time.monotonic()
    with pytest.raises(WorkerTimeout):
        run_in_worker(ignore_sigterm_and_spin, timeout=0.5, memory_mb=256, grace=0.5)
    assert time.monotonic() - started < 0.5 + 0.5 + 5
    assert children(os.getpid()) - before == set(), "the worker outlived its limit"


def test_the_memory_cap_stops_a_hoarding_task():
    with pytest.raises(WorkerOutOfMemory, match="more than 128 MB"):
        run_in_worker(allocate_forever, timeout=30, memory_mb=128)


def test_a_worker_that_dies_says_how():
    with pytest.raises(WorkerCrashed, match="SIGKILL") as crashed:
        run_in_worker(lambda: os.kill(os.getpid(), signal.SIGKILL), timeout=5, memory_mb=256)
    assert crashed.value.reason == "the worker ended with signal SIGKILL"


def test_a_raising_heartbeat_abandons_the_work_and_kills_the_worker():
    before = children(os.getpid())
    calls = []

    def heartbeat(elapsed: float) -> None:
        calls.append(elapsed)
        if elapsed > 0.5:
            raise InterruptedError("the caller gave up")

    with pytest.raises(InterruptedError):
        run_in_worker(spin_forever, timeout=30, memory_mb=256, heartbeat=heartbeat)
    assert len(calls) >= 2 and max(calls) < 5
    assert children(os.getpid()) - before == set()


class Unpicklable(Exception):
    def __reduce__(self):
        raise TypeError("no pickling")


def raise_unpicklable() -> None:
    raise Unpicklable


def test_an_error_that_cannot_travel_back_is_one_sentence():
    with pytest.raises(WorkerCrashed) as crashed:
        run_in_worker(raise_unpicklable, timeout=5, memory_mb=256)
    assert crashed.value.reason == "its answer could not be sent back: no pickling"
