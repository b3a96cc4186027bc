"""What a term IRI dereferences to: an HTML page for people, its RDF description for programs.

The page is read with the catalogue's own queries (``definition``, ``evidence_on_item``,
``relations``) on whatever store serves it, and every value is HTML-escaped: labels and
definitions are data, never markup.
"""

import re
from dataclasses import dataclass
from html import escape
from typing import Any

from rdflib import URIRef

from esrkg import queries
from esrkg.namespaces import BASE_IRI
from esrkg.queries import Source

LOCAL_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}")

#: The RDF description of a term: what it says and what is said about it (bindings add ?term).
DESCRIPTION_QUERY = """CONSTRUCT { ?term ?p ?o . ?s ?q ?term } WHERE {
  { ?term ?p ?o } UNION { ?s ?q ?term }
}"""

_LABEL_QUERY = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?label (COUNT(?o) AS ?facts) WHERE { OPTIONAL { ?term rdfs:label ?label } OPTIONAL { ?term ?p ?o } }
GROUP BY ?label"""


@dataclass(frozen=True)
class TermPage:
    """Everything the HTML page of one term shows."""

    iri: str
    label: str
    definition: dict[str, Any]
    evidence: tuple[dict[str, Any], ...]
    relations: tuple[dict[str, Any], ...]


def term_iri(local_name: str) -> URIRef | None:
    """The IRI of ``/<local name>`` in our namespace, or None for a name that cannot be ours."""
    return URIRef(BASE_IRI + local_name) if LOCAL_NAME.fullmatch(local_name) else None


def read_term(source: Source, iri: URIRef) -> TermPage | None:
    """The term's label, definition, evidence and relations; None when the store says nothing about it."""
    found = queries.select(source, _LABEL_QUERY, {"term": iri})
    if not found or not any(row.get("facts") for row in found):
        return None
    label = next((str(row["label"]) for row in found if "label" in row), iri.split("/")[-1])
    definition = next(iter(queries.rows(source, "definition", {"term": iri})), {})
    evidence = tuple(queries.rows(source, "evidence_on_item", {"item": iri}))
    relations = tuple(queries.rows(source, "relations", {"item": iri}))
    return TermPage(str(iri), label, definition, evidence, relations)


def _link(iri: object, text: object) -> str:
    """A link to another term page when the IRI is ours, else to the IRI itself."""
    target = str(iri)
    href = "/" + target[len(BASE_IRI):] if target.startswith(BASE_IRI) else target
    return f'<a href="{escape(href)}">{escape(str(text))}</a>'


def _evidence_rows(page: TermPage) -> str:
    cells = []
    for row in page.evidence:
        if row.get("kind") == "verdict":
            finding = escape(str(row.get("levelLabel", "")))
        else:
            value = f"{row.get('metric', '')} = {row['value']}" if "value" in row else row.get("qualitative", "")
            counts = ", ".join(f"{key} = {row[key]}" for key in ("k", "n") if key in row)
            finding = escape(f"{value} ({counts})" if counts else str(value))
        cells.append(f"<tr><td>{escape(str(row.get('year', '')))}</td><td>{_link(row['subject'], row['subjectLabel'])}"
                     f"</td><td>{escape(str(row.get('kind', '')))}</td><td>{finding}</td>"
                     f"<td>{_link(row.get('url') or row['source'], row.get('sourceLabel', ''))}</td></tr>")
    return "".join(cells)


def render_term_page(page: TermPage) -> str:
    """The term as a self-contained HTML page (no external resources)."""
    definition = page.definition.get("definition") or page.definition.get("note") or ""
    source = page.definition.get("source")
    parts = [f"<h1>{escape(page.label)}</h1>", f"<p class=iri><code>{escape(page.iri)}</code></p>"]
    if definition:
        parts.append(f"<blockquote>{escape(str(definition))}</blockquote>")
    if source is not None:
        parts.append(f"<p>Source: {_link(source, page.definition.get('sourceLabel', source))}</p>")
    if page.evidence:
        parts.append("<h2>Evidence</h2><table><tr><th>Year</th><th>On</th><th>Kind</th><th>Finding</th>"
                     f"<th>Source</th></tr>{_evidence_rows(page)}</table>")
    if page.relations:
        items = "".join(f"<li>{escape(str(r['relationLabel']))} "
                        f"{'←' if r.get('direction') == 'incoming' else '→'} {_link(r['other'], r['otherLabel'])}</li>"
                        for r in page.relations)
        parts.append(f"<h2>Relations</h2><ul>{items}</ul>")
    parts.append('<p class=rdf>As RDF: ask for <code>text/turtle</code>, <code>application/n-triples</code> or '
                 '<code>application/ld+json</code>. <a href="/">Query the graph</a>.</p>')
    return page_html(page.label, "".join(parts))


_STYLE = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;
vertical-align:top}blockquote{border-left:4px solid #88a;margin:1rem 0;padding:.2rem 1rem;background:#f5f5fa}
textarea{width:100%;height:16rem;font-family:monospace}code{font-size:90%}.iri{color:#555}
#error{color:#a00;white-space:pre-wrap}#out{overflow-x:auto}pre{background:#f7f7f7;padding:.5rem;overflow:auto}"""


def page_html(title: str, body: str, script: str = "") -> str:
    """A complete HTML page with our style, the escaped title and the given (already safe) body."""
    tail = f"<script>{script}</script>" if script else ""
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{escape(title)} — esrkg</title>"
            f"<meta name=viewport content='width=device-width, initial-scale=1'><style>{_STYLE}</style></head>"
            f"<body>{body}{tail}</body></html>")
