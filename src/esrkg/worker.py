"""Run one function in a forked worker process that always ends: a time limit, a memory cap, no orphans.

rdflib has no timeout and a thread cannot be stopped, so untrusted work (a user's SPARQL) runs in a
forked child that shares the parent's graph copy-on-write. The child is made to end whatever happens:

- it restores the default signal handlers, because it inherits the parent's (Streamlit installs its
  own SIGTERM handler, and a child that keeps it ignores ``terminate()``);
- it asks the kernel for SIGKILL when its parent dies (``PR_SET_PDEATHSIG``), then checks that the
  parent is still the one that forked it (it may have died in between);
- its address space is capped (``RLIMIT_AS``), so a runaway allocation is a MemoryError, not a swap storm;
- the parent waits in short slices, calls ``heartbeat`` between them (a caller raises there to give up),
  and in every case, in a ``finally``, sends SIGTERM, then SIGKILL after a short grace period.

Linux caveat: PR_SET_PDEATHSIG fires when the *thread* that forked the child ends. The parent thread
always waits here until the child is gone, so that is the same moment.
"""

import ctypes
import multiprocessing
import os
import resource
import signal
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

T = TypeVar("T")
Heartbeat = Callable[[float], None]

GRACE_SECONDS = 1.0
HEARTBEAT_SECONDS = 0.2
MIB = 1024 * 1024
PR_SET_PDEATHSIG = 1
# Signals whose handlers a child must not inherit: every one that is meant to end a process.
_ENDING_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1, signal.SIGUSR2)
# Loaded once in the parent: the child should do as little as possible between fork and work.
_LIBC = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None


class WorkerError(Exception):
    """The worker gave no answer; the message is one sentence."""


class WorkerTimeout(WorkerError):
    """The time limit passed before the worker answered."""


class WorkerOutOfMemory(WorkerError):
    """The worker reached its memory cap."""


class WorkerCrashed(WorkerError):
    """The worker ended without an answer (a signal, a crash) or could not send its answer back."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"The worker gave no answer ({reason}).")
        self.reason = reason

    def __reduce__(self) -> tuple[type["WorkerCrashed"], tuple[str]]:
        return WorkerCrashed, (self.reason,)  # it travels back from the worker through pickle


def _address_space() -> int:
    """Bytes of virtual memory this process maps now (the cap is counted on top of it)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * resource.getpagesize()


def _cap_memory(memory_mb: int) -> None:
    wanted = _address_space() + memory_mb * MIB
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (wanted if hard == resource.RLIM_INFINITY else min(wanted, hard), hard))


def _become_worker(parent_pid: int, memory_mb: int) -> None:
    """First thing in the child: default signals, die with the parent, cap memory."""
    for number in _ENDING_SIGNALS:
        signal.signal(number, signal.SIG_DFL)
    if _LIBC is not None:
        _LIBC.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent_pid:  # the parent died before the death signal was armed
        os._exit(1)
    if sys.platform.startswith("linux"):
        _cap_memory(memory_mb)


def _child(connection: Connection, parent_pid: int, task: Callable[[], Any], memory_mb: int) -> None:
    _become_worker(parent_pid, memory_mb)
    message: tuple[str, Any]
    try:
        message = ("ok", task())
    except MemoryError:
        message = ("memory", None)
    except Exception as error:  # the task's own error travels back and is raised in the parent
        message = ("raised", error)
    try:
        connection.send(message)
    except MemoryError:
        connection.send(("memory", None))
    except Exception as error:  # an answer or an error that cannot be pickled
        connection.send(("raised", WorkerCrashed(f"its answer could not be sent back: {error}")))
    finally:
        connection.close()


def _end(process: Any, grace: float) -> None:
    """SIGTERM, then SIGKILL if the worker is still there after ``grace`` seconds."""
    if process.is_alive():
        process.terminate()
        process.join(grace)
    if process.is_alive():
        process.kill()
    process.join()


def _how_it_ended(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"signal {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"signal {-exitcode}"
    return f"exit code {exitcode}"


def run_in_worker(task: Callable[[], T], *, timeout: float, memory_mb: int, heartbeat: Heartbeat | None = None,
                  grace: float = GRACE_SECONDS) -> T:
    """``task()`` computed in a forked child, stopped after ``timeout`` s; the child is gone when this returns.

    The task's own exceptions are raised here; WorkerTimeout, WorkerOutOfMemory and WorkerCrashed say
    why there is no answer. ``heartbeat(elapsed)`` runs every few tenths of a second while waiting:
    raise from it to abandon the work (the child is killed all the same).
    """
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, os.getpid(), task, memory_mb), daemon=True)
    started = time.monotonic()
    deadline = started + timeout
    process.start()
    sender.close()
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise WorkerTimeout(f"The work was stopped after {timeout:g} s.")
            if receiver.poll(min(remaining, HEARTBEAT_SECONDS) if heartbeat else remaining):
                break
            if heartbeat is not None:
                heartbeat(time.monotonic() - started)
        try:
            status, payload = receiver.recv()
        except EOFError:
            process.join(grace)
            raise WorkerCrashed(f"the worker ended with {_how_it_ended(process.exitcode)}") from None
    finally:
        receiver.close()
        _end(process, grace)
    if status == "memory":
        raise WorkerOutOfMemory(f"The work used more than {memory_mb} MB and was stopped.")
    if status == "raised":
        raise payload
    result: T = payload
    return result
