"""Extra RDF files for a store (``esrkg --data FILE``), read as untrusted input.

The rules: a size cap; RDF/XML with a DOCTYPE or ENTITY declaration is refused (entities can
expand without limit: a 625-byte file kept rdflib busy past 60 s); JSON-LD that names a remote
``@context`` is refused (rdflib would fetch it); each file is parsed in a forked worker
(:mod:`esrkg.worker`: a time limit, a memory cap, dies with its parent) with no network; every file
is checked before anything is loaded, so a bad file leaves nothing half-loaded. Each bad file gets
one sentence that names it.
"""

import json
import re
import socket
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import NoReturn, TypeVar

from rdflib import Graph

from esrkg.worker import WorkerCrashed, WorkerOutOfMemory, WorkerTimeout, run_in_worker

T = TypeVar("T")
#: What runs on a checked file in the worker: (path, rdflib format name, text) -> a picklable result.
Parser = Callable[[Path, str, str], T]

# A million triples of N-Triples is about 150 MB; rdflib needs minutes for them, Oxigraph seconds.
MAX_DATA_FILE_BYTES = 512 * 1024 * 1024
PARSE_TIMEOUT = 600.0
WORKER_MEMORY_MB = 4096  # on top of what the worker inherits from its parent

#: File extension -> rdflib format name.
DATA_FORMATS: dict[str, str] = {".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".ntriples": "nt",
                                ".rdf": "xml", ".owl": "xml", ".xml": "xml", ".jsonld": "json-ld",
                                ".json": "json-ld"}
_FORMAT_NAMES = {"turtle": "Turtle", "nt": "N-Triples", "xml": "RDF/XML", "json-ld": "JSON-LD"}
_XML_DECLARATIONS = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


class DataFileError(ValueError):
    """One or more data files were refused; one sentence per bad file, one per line."""


def data_format(path: Path) -> str:
    """The rdflib format for a file, from its extension; a clear error for any other extension."""
    try:
        return DATA_FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(DATA_FORMATS))
        raise DataFileError(f"{path} has an unknown extension {path.suffix or '(none)'!r}; "
                            f"use one of {known}.") from None


def read_data_files(files: Sequence[Path]) -> str:
    """Every file checked and parsed by rdflib in a worker, as one N-Triples text (for the memory store)."""
    return "".join(checked_files(files, rdflib_ntriples))


def checked_files(files: Sequence[Path], parse: Parser[T]) -> list[T]:
    """``parse(path, rdf_format, text)`` of every file, each checked and parsed in a worker.

    Raises DataFileError naming every bad file (one sentence each) if any is bad, so a caller loads
    all of them or none.
    """
    parsed: list[T] = []
    errors: list[str] = []
    for path in files:
        try:
            parsed.append(checked_file(Path(path), parse))
        except DataFileError as error:
            errors.append(str(error))
    if errors:
        raise DataFileError("\n".join(errors) + ("\nNothing was loaded." if len(files) > 1 else ""))
    return parsed


def checked_file(path: Path, parse: Parser[T]) -> T:
    """One file's size, encoding and declarations checked and ``parse`` run on it, in a worker."""
    rdf_format = data_format(path)
    if not path.is_file():
        raise DataFileError(f"{path} does not exist or is not a file.")
    size = path.stat().st_size
    if size > MAX_DATA_FILE_BYTES:
        raise DataFileError(f"{path} is {size / 2**20:.1f} MB; the limit for a data file is "
                            f"{MAX_DATA_FILE_BYTES // 2**20} MB.")
    try:
        return run_in_worker(partial(_parse_in_worker, path, rdf_format, parse), timeout=PARSE_TIMEOUT,
                             memory_mb=WORKER_MEMORY_MB)
    except WorkerTimeout:
        raise DataFileError(f"{path} took longer than {PARSE_TIMEOUT:g} s to parse and was not loaded.") from None
    except WorkerOutOfMemory:
        raise DataFileError(f"{path} needs more than {WORKER_MEMORY_MB} MB of memory to parse and was not "
                            "loaded.") from None
    except WorkerCrashed:
        raise DataFileError(f"{path} could not be parsed (the parser ended without an answer) and was not "
                            "loaded.") from None


def rdflib_ntriples(path: Path, rdf_format: str, text: str) -> str:
    """The file parsed by rdflib, as N-Triples."""
    return _rdflib_graph(path, rdf_format, text).serialize(format="nt")


def rdflib_triple_count(path: Path, rdf_format: str, text: str) -> int:
    """The file parsed by rdflib; how many triples it holds."""
    return len(_rdflib_graph(path, rdf_format, text))


def _rdflib_graph(path: Path, rdf_format: str, text: str) -> Graph:
    graph = Graph()
    graph.parse(data=text, format=rdf_format, publicID=path.resolve().as_uri())
    return graph


def _parse_in_worker(path: Path, rdf_format: str, parse: Parser[T]) -> T:
    """The worker's task: no network, then the checks and the parse, any failure one sentence."""
    socket.create_connection = _refuse_network
    socket.socket.connect = _refuse_network  # type: ignore[method-assign]
    try:
        return parse(path, rdf_format, _checked_text(path, rdf_format))
    except (DataFileError, MemoryError):
        raise
    except RecursionError:
        raise DataFileError(f"{path} is nested too deeply to parse; it was not loaded.") from None
    except Exception as error:
        reason = (str(error).strip().splitlines() or [type(error).__name__])[0][:200].rstrip(".")
        raise DataFileError(f"{path} is not valid {_FORMAT_NAMES[rdf_format]}: {reason}.") from None


def _refuse_network(*args: object, **kwargs: object) -> NoReturn:
    raise OSError("network access is disabled while parsing a data file")


def _checked_text(path: Path, rdf_format: str) -> str:
    """The file's text, refused if too large, not UTF-8, or holding a DOCTYPE/ENTITY or a remote context."""
    with path.open("rb") as handle:
        content = handle.read(MAX_DATA_FILE_BYTES + 1)
    if len(content) > MAX_DATA_FILE_BYTES:
        raise DataFileError(f"{path} is larger than {MAX_DATA_FILE_BYTES // 2**20} MB, the limit for a data file.")
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataFileError(f"{path} is not UTF-8 text (byte {error.start}); save it as UTF-8.") from None
    if rdf_format == "xml" and _XML_DECLARATIONS.search(content):
        raise DataFileError(f"{path} is refused: RDF/XML with a DOCTYPE or ENTITY declaration can expand "
                            "without limit; remove the declaration.")
    if rdf_format == "json-ld":
        _check_json_ld(path, text)
    return text


def _check_json_ld(path: Path, text: str) -> None:
    try:
        document = json.loads(text)
    except ValueError as error:
        raise DataFileError(f"{path} is not valid JSON: {str(error).rstrip('.')}.") from None
    if _remote_context(document):
        raise DataFileError(f"{path} is refused: it names a remote JSON-LD @context, which esrkg does not "
                            "fetch; put the context inline.")


def _remote_context(node: object) -> bool:
    """True when any @context (or @import in one) is a reference rather than an inline object."""
    if isinstance(node, list):
        return any(_remote_context(item) for item in node)
    if not isinstance(node, dict):
        return False
    for key, value in node.items():
        if key == "@context":
            contexts = value if isinstance(value, list) else [value]
            if any(isinstance(c, str) or (isinstance(c, dict) and "@import" in c) for c in contexts):
                return True
        if _remote_context(value):
            return True
    return False
