"""Any SPARQL 1.1 query endpoint (Oxigraph server, Fuseki, GraphDB, QLever...) over HTTP.

Queries are POSTed form-encoded (no URL length limit), answers read as SPARQL JSON results or
N-Triples, and converted to rdflib terms. The endpoint answers from its own data in its default
graph: ``--data`` and ``--inferred`` do not apply to it.
"""

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from esrkg import __version__
from esrkg.namespaces import bind_prefixes
from esrkg.sparql_text import Bindings, query_form, with_values
from esrkg.stores.base import Answer, QueryType, Row, Store, StoreError, Triple, first_line

HTTP_TIMEOUT = 60.0
MAX_RESPONSE_BYTES = 512 * 1024 * 1024
ACCEPT = ("application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8, "
          "application/sparql-results+xml;q=0.1")
_GRAPH_FORMATS = {"application/n-triples": "nt", "text/plain": "nt", "text/turtle": "turtle",
                  "application/rdf+xml": "xml", "application/ld+json": "json-ld"}


def is_endpoint_url(spec: str) -> bool:
    """True for an http(s) URL with a host."""
    parsed = urllib.parse.urlsplit(spec)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


def from_json_term(value: Mapping[str, str]) -> Node:
    """A term of SPARQL 1.1 JSON results as an rdflib term."""
    kind, text = value.get("type"), value.get("value", "")
    if kind == "uri":
        return URIRef(text)
    if kind == "bnode":
        return BNode(text)
    if "xml:lang" in value:
        return Literal(text, lang=value["xml:lang"])
    datatype = value.get("datatype")
    if datatype and datatype != "http://www.w3.org/2001/XMLSchema#string":
        return Literal(text, datatype=URIRef(datatype))
    return Literal(text)


class EndpointStore(Store):
    """A remote SPARQL 1.1 query endpoint, read-only from here."""

    def __init__(self, url: str, *, timeout: float = HTTP_TIMEOUT) -> None:
        self.url = url
        self.name = url
        self.timeout = timeout
        self._graph: Graph | None = None

    @classmethod
    def open(cls, spec: str, data: Sequence[Path] = (), *, inferred: bool = False) -> "EndpointStore":
        """Check that the endpoint answers (one ASK) and return the store."""
        if data:
            raise StoreError("--data adds files to the memory or oxigraph store; an endpoint answers from its own "
                             "data (load the files into the server instead).")
        if inferred:
            raise StoreError("--inferred needs the memory or oxigraph store; load the inferred export "
                             "(esrkg export --inferred) into the server instead.")
        store = cls(spec)
        store.query("ASK { }")
        return store

    def _post(self, text: str) -> tuple[str, bytes]:
        body = urllib.parse.urlencode({"query": text}).encode("utf-8")
        request = urllib.request.Request(self.url, data=body, method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": ACCEPT,
            "User-Agent": f"esrkg/{__version__}"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                content = response.read(MAX_RESPONSE_BYTES + 1)
                content_type = response.headers.get_content_type()
        except urllib.error.HTTPError as error:
            detail = error.read(2000).decode("utf-8", "replace").strip()
            reason = detail.splitlines()[0][:200].rstrip(".") if detail else error.reason
            raise StoreError(f"The SPARQL endpoint {self.url} answered HTTP {error.code}: {reason}.") from None
        except (urllib.error.URLError, OSError) as error:
            reason = str(getattr(error, "reason", None) or error)
            raise StoreError(f"The SPARQL endpoint {self.url} did not answer: {first_line(OSError(reason))}.") from None
        if len(content) > MAX_RESPONSE_BYTES:
            raise StoreError(f"The SPARQL endpoint's answer is larger than {MAX_RESPONSE_BYTES // 2**20} MB; "
                             "make the query more selective.")
        return content_type, content

    def query(self, text: str, bindings: Bindings | None = None) -> Answer:
        """Send the text (bindings written into it as a VALUES block) to the endpoint and read its answer."""
        text = with_values(text, bindings)
        content_type, content = self._post(text)
        if content_type in ("application/sparql-results+json", "application/json"):
            try:
                results: dict[str, Any] = json.loads(content)
            except ValueError as error:
                raise StoreError(f"The SPARQL endpoint sent invalid JSON results: {first_line(error)}.") from None
            if "boolean" in results:
                return Answer("ASK", boolean=bool(results["boolean"]))
            variables = tuple(results.get("head", {}).get("vars", []))
            return Answer("SELECT", variables, _rows(variables, results.get("results", {}).get("bindings", [])))
        if content_type in _GRAPH_FORMATS:
            graph = Graph()
            try:
                graph.parse(data=content, format=_GRAPH_FORMATS[content_type])
            except Exception as error:
                raise StoreError(f"The SPARQL endpoint sent RDF that does not parse: {first_line(error)}.") from None
            form: QueryType = "DESCRIBE" if query_form(text) == "DESCRIBE" else "CONSTRUCT"
            return Answer(form, triples=_graph_triples(graph))
        raise StoreError(f"The SPARQL endpoint answered with {content_type}, which esrkg does not read; "
                         "it needs SPARQL JSON results or N-Triples.")

    def graph(self) -> Graph:
        """The endpoint's default graph, fetched once with a CONSTRUCT."""
        if self._graph is None:
            answer = self.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
            self._graph = bind_prefixes(Graph())
            for triple in answer.triples:
                self._graph.add(triple)
        return self._graph

    def __len__(self) -> int:
        rows = list(self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows)
        count = rows[0][0] if rows else None
        return int(count.toPython()) if isinstance(count, Literal) else 0


def _rows(variables: tuple[str, ...], bindings: list[dict[str, dict[str, str]]]) -> Iterator[Row]:
    for binding in bindings:
        yield tuple(from_json_term(binding[v]) if v in binding else None for v in variables)


def _graph_triples(graph: Graph) -> Iterator[Triple]:
    yield from graph
