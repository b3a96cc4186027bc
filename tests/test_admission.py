"""How many queries run at once: per process and per session, refused at once with one sentence."""

import os
import threading

import pytest

from esrkg.admission import QuerySlots
from esrkg.query_runner import QueryBusy, QueryError, run_query
from tests.processes import children, wait_for

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
ELEMENTS = "PREFIX esr: <https://w3id.org/esrkg/>\nSELECT ?e WHERE { ?e a esr:RelationshipElement }"


class Cancelled(Exception):
    pass


class Runaway:
    """A runaway query in a thread, abandoned (through its heartbeat) when stop() is called."""

    def __init__(self, graph, slots: QuerySlots, session: str | None) -> None:
        self.stopping = threading.Event()
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, args=(graph, slots, session), daemon=True)
        self.thread.start()

    def _heartbeat(self, elapsed: float) -> None:
        if self.stopping.is_set():
            raise Cancelled

    def _run(self, graph, slots, session) -> None:
        try:
            run_query(graph, RUNAWAY, timeout=60, session=session, slots=slots, heartbeat=self._heartbeat)
        except BaseException as error:
            self.error = error

    def stop(self) -> None:
        self.stopping.set()
        self.thread.join(timeout=30)


def test_a_session_runs_one_query_at_a_time(graph):
    slots = QuerySlots(per_process=2, per_session=1)
    first = Runaway(graph, slots, "visitor-a")
    try:
        assert wait_for(lambda: slots.running == 1, 10)
        with pytest.raises(QueryBusy, match=r"^Another query of yours is still running; wait for it"):
            run_query(graph, ELEMENTS, session="visitor-a", slots=slots)
        assert run_query(graph, ELEMENTS, session="visitor-b", slots=slots).size > 0  # others still run
    finally:
        first.stop()
    assert isinstance(first.error, Cancelled) and slots.running == 0
    assert run_query(graph, ELEMENTS, session="visitor-a", slots=slots).size > 0  # the slot came back


def test_the_process_cap_says_the_server_is_busy(graph):
    slots = QuerySlots(per_process=2, per_session=1)
    before = children(os.getpid())
    runaways = [Runaway(graph, slots, f"visitor-{n}") for n in range(2)]
    try:
        assert wait_for(lambda: slots.running == 2, 10)
        with pytest.raises(QueryBusy, match=r"^The server is busy: 2 queries are running already; try again"):
            run_query(graph, ELEMENTS, session="visitor-3", slots=slots)
        with pytest.raises(QueryError, match="is busy"):
            run_query(graph, ELEMENTS, slots=slots)  # callers without a session (the CLI) count too
    finally:
        for runaway in runaways:
            runaway.stop()
    assert slots.running == 0
    assert children(os.getpid()) - before == set(), "an abandoned query left its worker running"


def test_a_refused_or_failed_query_gives_its_slot_back(graph):
    slots = QuerySlots(per_process=1, per_session=1)
    for _ in range(3):
        with pytest.raises(QueryError, match="Syntax error"):
            run_query(graph, "SELECT ?s WHERE { ?s ?p }", session="visitor", slots=slots)
    assert slots.running == 0


def test_caps_below_one_are_refused():
    with pytest.raises(ValueError, match="at least one"):
        QuerySlots(per_process=0)
