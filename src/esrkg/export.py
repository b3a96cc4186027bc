"""Serialize the graph in the standard RDF formats."""

from typing import Literal, get_args

from rdflib import Graph

ExportFormat = Literal["turtle", "xml", "json-ld", "nt"]
EXPORT_FORMATS: tuple[str, ...] = get_args(ExportFormat)
MEDIA_TYPES = {
    "turtle": "text/turtle",
    "xml": "application/rdf+xml",
    "json-ld": "application/ld+json",
    "nt": "application/n-triples",
}
FILE_EXTENSIONS = {"turtle": "ttl", "xml": "rdf", "json-ld": "jsonld", "nt": "nt"}


def serialize(graph: Graph, export_format: str) -> str:
    """The graph as text in one of ``EXPORT_FORMATS``."""
    if export_format not in EXPORT_FORMATS:
        raise ValueError(f"Unknown export format {export_format!r}; choose one of {', '.join(EXPORT_FORMATS)}.")
    if export_format == "json-ld":
        # Compact with our own prefixes; the context is inline, so no URL is ever fetched to read it.
        context = {prefix: str(namespace) for prefix, namespace in graph.namespaces()}
        return graph.serialize(format="json-ld", context=context, indent=2)
    return graph.serialize(format=export_format)
