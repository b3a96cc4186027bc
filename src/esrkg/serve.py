"""``esrkg serve``: a read-only SPARQL 1.1 Protocol endpoint with dereferenceable term IRIs.

Built on Starlette + uvicorn (maintained, already installed with Streamlit). rdflib-endpoint (PyPI)
was checked and does not fit our safety rules: it runs ``graph.query()`` inside the web process with
no time limit (one cross product holds the server for hours), does not refuse SERVICE or FROM (rdflib
fetches them), reports raw engine messages, loads YASGUI from a CDN, and needs FastAPI. Here EVERY
query goes through :func:`esrkg.query_runner.run_query` (refusals, a worker with a time and a memory
limit, capped results), on whatever store is served.

Routes: ``/sparql`` (GET ``?query=``, POST form-encoded, POST ``application/sparql-query``; updates
get 403), ``/`` (the query page), ``/<local name>`` (a term: HTML for browsers, RDF when asked).
Status codes: 400 for refusals and syntax errors, 403 for updates, 406 for a format we cannot write,
413 for a huge request, 503 when the time limit stops a query or the server is busy.
"""

import urllib.parse
from dataclasses import dataclass

from rdflib import Variable
from rdflib.query import Result
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from esrkg.queries import with_values
from esrkg.query_page import query_page_html
from esrkg.query_runner import (
    DEFAULT_LIMIT,
    DEFAULT_TIMEOUT,
    QueryBusy,
    QueryError,
    QueryOutcome,
    QueryStopped,
    run_query,
)
from esrkg.sparql_text import UPDATE_WORDS, query_form
from esrkg.stores import Store
from esrkg.term_pages import DESCRIPTION_QUERY, read_term, render_term_page, term_iri

MAX_REQUEST_BYTES = 1024 * 1024

#: Media type -> the runner's output format, for SELECT/ASK results and for RDF (CONSTRUCT/DESCRIBE).
RESULT_TYPES = {"application/sparql-results+json": "json", "application/json": "json",
                "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
                "text/csv": "csv", "text/tab-separated-values": "tsv"}
RDF_TYPES = {"text/turtle": "turtle", "application/x-turtle": "turtle", "application/n-triples": "nt",
             "text/plain": "nt", "application/ld+json": "json-ld", "application/json": "json-ld",
             "application/rdf+xml": "xml", "application/xml": "xml"}
MEDIA_TYPES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
               "csv": "text/csv", "tsv": "text/tab-separated-values"}
RDF_MEDIA_TYPES = {"turtle": "text/turtle", "nt": "application/n-triples", "json-ld": "application/ld+json",
                   "xml": "application/rdf+xml"}
FORMAT_PARAMETER = {**{v: v for v in MEDIA_TYPES}, **{v: v for v in RDF_MEDIA_TYPES}}
_DESCRIPTION_TYPES = {"text/html": "html", "text/turtle": "turtle"}
#: What a term IRI offers: its page, or its description in an RDF format.
TERM_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/turtle": "turtle",
              "application/n-triples": "nt", "application/ld+json": "json-ld", "application/rdf+xml": "xml"}


class HTTPProblem(Exception):
    """A request we answer with an error status and one sentence."""

    def __init__(self, status: int, sentence: str) -> None:
        super().__init__(sentence)
        self.status = status


def accepted(accept: str) -> list[str]:
    """Media types of an Accept header, best first (ties keep their order); parameters dropped."""
    weighted = []
    for index, part in enumerate(accept.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            weighted.append((-quality, index, media.lower()))
    return [media for _, _, media in sorted(weighted)]


def negotiate(accept: str, offers: dict[str, str], default: str) -> str | None:
    """The format to write: the best acceptable offer, the default for */* or no header, else None."""
    for media in accepted(accept) or ["*/*"]:
        if media in offers:
            return offers[media]
        if media in ("*/*", "*"):
            return default
        if media.endswith("/*"):
            matching = [fmt for offer, fmt in offers.items() if offer.startswith(media[:-1])]
            if matching:
                return default if default in matching else matching[0]
    return None


def sparql_xml(outcome: QueryOutcome) -> str:
    """SPARQL 1.1 XML results (the runner's "xml" is RDF/XML; the result is already capped in size)."""
    result = Result(outcome.query_type)
    if outcome.query_type == "ASK":
        result.askAnswer = bool(outcome.boolean)
    else:
        result.vars = [Variable(v) for v in outcome.variables]
        result.bindings = [{Variable(v): t for v, t in zip(outcome.variables, row, strict=True)  # type: ignore[misc]
                            if t is not None} for row in outcome.rows]
    written = result.serialize(format="xml")
    return written.decode("utf-8") if isinstance(written, bytes) else str(written)


def status_of(error: QueryError) -> int:
    """503 for a query stopped by a limit or refused for lack of a slot (try again later), else 400."""
    return 503 if isinstance(error, QueryStopped | QueryBusy) else 400


@dataclass(frozen=True)
class Endpoint:
    """The served store and the limits every query runs under."""

    store: Store
    timeout: float = DEFAULT_TIMEOUT
    limit: int = DEFAULT_LIMIT

    async def sparql(self, request: Request) -> Response:
        """The SPARQL 1.1 Protocol query operation (updates refused)."""
        try:
            text = await _operation(request)
            if text is None and negotiate(request.headers.get("accept", ""), _DESCRIPTION_TYPES, "turtle") == "html":
                return RedirectResponse("/", status_code=303)  # a browser at /sparql: the query page
            if text is None:
                return PlainTextResponse(_SERVICE_DESCRIPTION.format(url=str(request.url_for("sparql"))),
                                         media_type="text/turtle")
            return await self._answer(text, request)
        except HTTPProblem as problem:
            return PlainTextResponse(str(problem) + "\n", status_code=problem.status)

    async def _answer(self, text: str, request: Request) -> Response:
        if query_form(text) in UPDATE_WORDS:
            raise HTTPProblem(403, "Updates are refused: this endpoint is read-only.")
        accept = request.headers.get("accept", "")
        chosen = request.query_params.get("format")
        if chosen is not None and chosen not in FORMAT_PARAMETER:
            raise HTTPProblem(400, f"Unknown format {chosen!r}; use one of {', '.join(FORMAT_PARAMETER)}.")
        results_format = chosen if chosen in MEDIA_TYPES else negotiate(accept, RESULT_TYPES, "json")
        rdf_format = chosen if chosen in RDF_MEDIA_TYPES else negotiate(accept, RDF_TYPES, "turtle")
        # The worker writes the answer out under the time limit; its "xml" is RDF/XML, so SPARQL XML
        # results are written here, from an answer the runner has already capped in size.
        formats = tuple(f for f in (results_format, rdf_format) if f is not None and f != "xml") + \
            (("xml",) if rdf_format == "xml" else ())
        try:
            outcome = await run_in_threadpool(run_query, self.store, text, timeout=self.timeout,
                                              limit=self.limit, formats=formats)
        except QueryError as error:
            raise HTTPProblem(status_of(error), str(error)) from None
        output_format = rdf_format if outcome.is_graph else results_format
        if output_format is None:
            wanted = "an RDF format" if outcome.is_graph else "a SPARQL results format"
            raise HTTPProblem(406, f"None of the accepted types ({accept}) is {wanted} this endpoint writes.")
        media = (RDF_MEDIA_TYPES if outcome.is_graph else MEDIA_TYPES)[output_format]
        headers = {"X-Esrkg-Notice": outcome.notice} if outcome.notice else {}
        body = sparql_xml(outcome) if output_format == "xml" and not outcome.is_graph else \
            outcome.serialize(output_format)
        return Response(body, media_type=media, headers=headers)

    async def home(self, request: Request) -> Response:
        """The offline query page."""
        return HTMLResponse(query_page_html())

    async def term(self, request: Request) -> Response:
        """A term IRI: HTML for browsers, its RDF description for Turtle, N-Triples or JSON-LD clients."""
        name = request.path_params["name"]
        iri = term_iri(name)
        page = None if iri is None else await run_in_threadpool(read_term, self.store, iri)
        if iri is None or page is None:
            return PlainTextResponse(f"There is no term {name!r} in this graph.\n", status_code=404)
        rdf_format = negotiate(request.headers.get("accept", ""), TERM_TYPES, "html") or "html"
        if rdf_format == "html":
            return HTMLResponse(render_term_page(page))
        text = with_values(DESCRIPTION_QUERY, {"term": iri})
        try:
            outcome = await run_in_threadpool(run_query, self.store, text, timeout=self.timeout,
                                              limit=self.limit, formats=(rdf_format,))
        except QueryError as error:
            return PlainTextResponse(str(error) + "\n", status_code=status_of(error))
        return Response(outcome.serialize(rdf_format), media_type=RDF_MEDIA_TYPES[rdf_format])


async def _operation(request: Request) -> str | None:
    """The query text of a protocol request, None when there is none; HTTPProblem for updates and bad bodies."""
    if "update" in request.query_params:
        raise HTTPProblem(403, "Updates are refused: this endpoint is read-only.")
    for parameter in ("default-graph-uri", "named-graph-uri"):
        if parameter in request.query_params:
            raise HTTPProblem(400, f"{parameter} is not supported: the esrkg graph is one default graph.")
    if request.method == "GET":
        return request.query_params.get("query")
    body = await _body(request)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/sparql-update":
        raise HTTPProblem(403, "Updates are refused: this endpoint is read-only.")
    text = _decode(body)
    if content_type == "application/sparql-query":
        return text
    if content_type == "application/x-www-form-urlencoded":
        form = urllib.parse.parse_qs(text, keep_blank_values=True)
        if "update" in form:
            raise HTTPProblem(403, "Updates are refused: this endpoint is read-only.")
        for parameter in ("default-graph-uri", "named-graph-uri"):
            if parameter in form:
                raise HTTPProblem(400, f"{parameter} is not supported: the esrkg graph is one default graph.")
        return form.get("query", [None])[0] or request.query_params.get("query")
    raise HTTPProblem(415, "Send the query as application/sparql-query or application/x-www-form-urlencoded.")


async def _body(request: Request) -> bytes:
    """The request body, refused past MAX_REQUEST_BYTES without reading the rest."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_REQUEST_BYTES:
            raise HTTPProblem(413, f"The request is larger than {MAX_REQUEST_BYTES // 1024} kB; send a shorter query.")
        chunks.append(chunk)
    return b"".join(chunks)


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise HTTPProblem(400, f"The request is not valid UTF-8 (byte {error.start}).") from None


_SERVICE_DESCRIPTION = """@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix formats: <http://www.w3.org/ns/formats/> .
<{url}> a sd:Service ; sd:endpoint <{url}> ; sd:supportedLanguage sd:SPARQL11Query ;
  sd:resultFormat formats:SPARQL_Results_JSON, formats:SPARQL_Results_XML, formats:SPARQL_Results_CSV,
    formats:SPARQL_Results_TSV, formats:Turtle, formats:N-Triples, formats:JSON-LD, formats:RDF_XML .
"""


def create_app(store: Store, *, timeout: float = DEFAULT_TIMEOUT, limit: int = DEFAULT_LIMIT) -> Starlette:
    """The ASGI application serving ``store``."""
    endpoint = Endpoint(store, timeout, limit)
    routes = [Route("/", endpoint.home, methods=["GET"]),
              Route("/sparql", endpoint.sparql, methods=["GET", "POST"], name="sparql"),
              Route("/{name}", endpoint.term, methods=["GET"])]
    cors = Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                      allow_headers=["Content-Type", "Accept"], expose_headers=["X-Esrkg-Notice"])
    return Starlette(routes=routes, middleware=[cors])


def serve(store: Store, *, host: str = "127.0.0.1", port: int = 8000, timeout: float = DEFAULT_TIMEOUT,
          limit: int = DEFAULT_LIMIT) -> None:
    """Serve ``store`` until interrupted."""
    import uvicorn

    uvicorn.run(create_app(store, timeout=timeout, limit=limit), host=host, port=port, log_level="warning")
