"""The ``esrkg`` command: a thin shell over the library, one short function per subcommand.

Every command runs on the store chosen with ``--store`` (or ESRKG_STORE): ``memory`` (the default),
``oxigraph`` or a SPARQL endpoint URL. ``stats``, ``sheet``, ``ask``, ``query`` and ``serve`` query
the store itself; ``validate`` and ``export`` need the triples in rdflib (pySHACL, the reasoner, the
serializers), so on an endpoint they fetch its default graph with one CONSTRUCT first.
"""

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from esrkg.export import EXPORT_FORMATS, serialize
from esrkg.query_limits import DEFAULT_LIMIT, DEFAULT_TIMEOUT, OUTPUT_FORMATS
from esrkg.stores import DATA_ENV, STORE_ENV, Store, default_spec, open_store


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        print(f"Wrote {output}", file=sys.stderr)


def store_of(args: argparse.Namespace, *, inferred: bool = False) -> Store:
    """The store named by --store (or ESRKG_STORE), with the --data files added."""
    return open_store(args.store, args.data, inferred=inferred)


def cmd_stats(args: argparse.Namespace) -> int:
    """Print counts of items, verdicts per edition, terms and triples."""
    from esrkg.stats import compute_stats

    print("\n".join(compute_stats(store_of(args, inferred=args.inferred)).lines()))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    """Run SHACL, the violation queries and the reasoner; non-zero exit when anything fails."""
    from esrkg.validation import validate

    report = validate(store_of(args).graph(), reasoner=not args.no_reasoner)
    print(report.text())
    return 0 if report.passed else 1


def cmd_export(args: argparse.Namespace) -> int:
    """Serialize the graph (optionally with inferred facts) to stdout or a file."""
    _write(serialize(store_of(args, inferred=args.inferred).graph(), args.format), args.output)
    return 0


def cmd_sheet(args: argparse.Namespace) -> int:
    """Regenerate the info sheet as Markdown from the graph alone."""
    from esrkg.sheet import render_sheet

    _write(render_sheet(store_of(args)), args.output)
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    """Answer a question in plain words from the graph; exit 0 whether or not there was an answer."""
    import json

    from esrkg.qa import ask

    # Ask answers an rdflib graph from an Oxigraph copy (esrkg.ask.engine): without extra data files the
    # ontology's own files go straight into Oxigraph, which spares parsing them with rdflib first.
    plain_memory = args.store.strip().lower() == "memory" and not args.data
    result = ask(open_store("oxigraph") if plain_memory else store_of(args), args.question)
    if args.json:
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False, default=str))
        return 0
    print(result.text)
    if result.suggestions:
        print("\nYou could ask:\n" + "\n".join(f"  - {s}" for s in result.suggestions))
    if result.sparql:
        print("\nSPARQL:\n" + result.sparql)
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    """Run a read-only SPARQL query safely, with a time and a row limit."""
    from esrkg.query_runner import read_query_file, run_query

    if (args.query is None) == (args.file is None):
        raise ValueError("Give a query or --file FILE, not both and not neither.")
    text = args.query if args.file is None else read_query_file(args.file)  # reads at most the size cap
    outcome = run_query(store_of(args, inferred=args.inferred), text, timeout=args.timeout, limit=args.limit,
                        formats=(args.format,))  # written out inside the worker, under the time limit
    sys.stdout.write(outcome.serialize(args.format))
    if outcome.notice and args.format != "table":
        print(outcome.notice, file=sys.stderr)
    return 0


def app_command(port: int) -> list[str]:
    """The command line that serves the Streamlit app on 127.0.0.1."""
    from esrkg import paths

    # toolbarMode minimal hides the Deploy button; static serving hands out the app's own icon, editor and
    # graph libraries (app/static), so no page asks another host for anything.
    return [sys.executable, "-m", "streamlit", "run", str(paths.app_dir() / "streamlit_app.py"),
            "--server.address", "127.0.0.1", "--server.port", str(port), "--server.headless", "true",
            "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
            "--client.toolbarMode", "minimal", "--server.enableStaticServing", "true"]


def store_environment(args: argparse.Namespace) -> dict[str, str]:
    """The environment that hands the chosen store and data files to another process (the app)."""
    return {STORE_ENV: args.store, DATA_ENV: os.pathsep.join(str(Path(p).resolve()) for p in args.data)}


def cmd_app(args: argparse.Namespace) -> int:
    """Serve the Streamlit app on 127.0.0.1 (replaces this process)."""
    store_of(args)  # a bad store or data file is reported here, in one sentence, not inside the app
    command = app_command(args.port)
    os.environ.update(store_environment(args))
    print(f"esrkg app: http://127.0.0.1:{args.port} (store: {args.store})", file=sys.stderr)
    os.execv(command[0], command)
    return 0  # not reached: execv replaces the process


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the store as a SPARQL 1.1 endpoint with dereferenceable term pages (until interrupted)."""
    from esrkg.serve import serve

    store = store_of(args)
    print(f"esrkg serve: http://{args.host}:{args.port}/sparql (store: {store.name})", file=sys.stderr)
    serve(store, host=args.host, port=args.port, timeout=args.timeout, limit=args.limit)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(prog="esrkg", description="The empirically supported therapy relationships graph.")
    parser.add_argument("--store", default=default_spec(),
                        help=f"memory (default), oxigraph, or a SPARQL endpoint URL (default from {STORE_ENV})")
    parser.add_argument("--data", type=Path, action="append", default=[], metavar="FILE",
                        help="add an RDF file (.ttl, .nt, .rdf/.owl/.xml, .jsonld) to the memory or oxigraph store; "
                             "repeatable")
    commands = parser.add_subparsers(dest="command", required=True)

    stats = commands.add_parser("stats", help="counts of elements, adaptations, verdicts, terms, triples")
    stats.add_argument("--inferred", action="store_true", help="count with the inferred facts added")
    stats.set_defaults(handler=cmd_stats)

    validate = commands.add_parser("validate", help="SHACL, SPARQL violation checks and the HermiT reasoner")
    validate.add_argument("--no-reasoner", action="store_true", help="skip HermiT (it needs Java)")
    validate.set_defaults(handler=cmd_validate)

    export = commands.add_parser("export", help="the graph in a standard RDF format")
    export.add_argument("--format", choices=EXPORT_FORMATS, default="turtle")
    export.add_argument("--output", type=Path, help="file to write (default: standard output)")
    export.add_argument("--inferred", action="store_true", help="include the facts the reasoner entails")
    export.set_defaults(handler=cmd_export)

    sheet = commands.add_parser("sheet", help="the info sheet regenerated as Markdown from the graph")
    sheet.add_argument("--output", type=Path, help="file to write (default: standard output)")
    sheet.set_defaults(handler=cmd_sheet)

    ask = commands.add_parser("ask", help="answer a question in plain words, showing the SPARQL")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print one JSON object")
    ask.set_defaults(handler=cmd_ask)

    query = commands.add_parser("query", help="run a read-only SPARQL query safely")
    query.add_argument("query", nargs="?", help="the SPARQL text (or use --file)")
    query.add_argument("--file", type=Path, help="read the query from a file")
    query.add_argument("--format", choices=OUTPUT_FORMATS, default="table")
    query.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds before the query is stopped")
    query.add_argument("--limit", type=int, default=DEFAULT_LIMIT, help="maximum rows (or triples) returned")
    query.add_argument("--inferred", action="store_true", help="query the graph with inferred facts")
    query.set_defaults(handler=cmd_query)

    app = commands.add_parser("app", help="serve the Streamlit app on 127.0.0.1")
    app.add_argument("--port", type=int, default=8501)
    app.add_argument("--store", default=argparse.SUPPRESS, help="as esrkg --store, for the app")
    app.set_defaults(handler=cmd_app)

    serve = commands.add_parser("serve", help="a read-only SPARQL 1.1 endpoint with term pages, on 127.0.0.1")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--store", default=argparse.SUPPRESS, help="as esrkg --store, for the endpoint")
    serve.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds before a query is stopped")
    serve.add_argument("--limit", type=int, default=DEFAULT_LIMIT, help="maximum rows (or triples) per answer")
    serve.set_defaults(handler=cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``esrkg`` command."""
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except (ValueError, KeyError, OSError) as error:  # QueryError is a ValueError
        message = error.args[0] if isinstance(error, KeyError) and error.args else error
        print(f"esrkg: {message}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
