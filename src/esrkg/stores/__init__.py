"""Where the graph lives: registered store backends, opened by name or URL.

``memory`` (rdflib, the default), ``oxigraph`` (embedded pyoxigraph) and any SPARQL 1.1 query
endpoint URL. Each backend is a :class:`Backend` in :data:`BACKENDS`; the first whose ``accepts``
matches the spec opens the store. Everything else in esrkg takes a store (or an rdflib graph, which
is wrapped as the memory store) and never asks which backend it is.
"""

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from esrkg.stores.base import Answer, QueryType, Store, StoreError
from esrkg.stores.endpoint import EndpointStore, is_endpoint_url
from esrkg.stores.memory import MemoryStore
from esrkg.stores.oxigraph import OxigraphStore

__all__ = ["BACKENDS", "DATA_ENV", "STORE_ENV", "Answer", "Backend", "EndpointStore", "MemoryStore",
           "OxigraphStore", "QueryType", "Store", "StoreError", "as_store", "default_spec", "open_store"]

#: The environment variable that chooses the store when ``--store`` is not given.
STORE_ENV = "ESRKG_STORE"
#: Extra data files for the store, separated by os.pathsep (how ``esrkg app`` passes ``--data`` on).
DATA_ENV = "ESRKG_DATA"


@dataclass(frozen=True)
class Backend:
    """One kind of store: how to recognize its spec and how to open it."""

    name: str
    description: str
    accepts: Callable[[str], bool]
    open: Callable[..., Store]


BACKENDS: tuple[Backend, ...] = (
    Backend("memory", "rdflib's in-memory store and SPARQL engine (the default)",
            lambda spec: spec.lower() == "memory", MemoryStore.open),
    Backend("oxigraph", "embedded Oxigraph (pyoxigraph): its own parser and SPARQL engine",
            lambda spec: spec.lower() == "oxigraph", OxigraphStore.open),
    Backend("endpoint", "a SPARQL 1.1 query endpoint URL (Oxigraph server, Fuseki, GraphDB, QLever...)",
            is_endpoint_url, EndpointStore.open),
)


def default_spec() -> str:
    """The store named by ESRKG_STORE, else ``memory``."""
    return os.environ.get(STORE_ENV, "").strip() or "memory"


def open_store(spec: str, data: Sequence[Path] = (), *, inferred: bool = False) -> Store:
    """Open the store ``spec`` names (memory, oxigraph or an endpoint URL) with the ontology and data.

    ``data`` adds RDF files (Turtle, N-Triples, RDF/XML, JSON-LD), each checked as untrusted input
    in a worker; if any is bad, nothing is loaded and the error names every bad file.
    """
    for backend in BACKENDS:
        if backend.accepts(spec.strip()):
            return backend.open(spec.strip(), tuple(data), inferred=inferred)
    raise StoreError(f"Unknown store {spec!r}: use memory, oxigraph or the URL of a SPARQL endpoint "
                     "(http://... or https://...).")


def as_store(source: Graph | Store) -> Store:
    """A store as is; an rdflib graph as the memory store over it."""
    if isinstance(source, Store):
        return source
    if isinstance(source, Graph):
        return MemoryStore(source)
    raise TypeError(f"Expected an rdflib Graph or an esrkg Store, not {type(source).__name__}.")
