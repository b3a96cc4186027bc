"""Real servers for tests: started on 127.0.0.1 on a free port, stopped by their pid.

``oxigraph_endpoint`` runs the Oxigraph server (PyPI ``oxigraph``) read-only over the exported
N-Triples; ``esrkg_serve`` runs ``esrkg serve``. Both wait until the server answers a query.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BIN_DIR = Path(sys.executable).parent
START_TIMEOUT = 60.0


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def executable(name: str) -> str:
    """A console script of this venv (or from PATH)."""
    local = BIN_DIR / name
    found = str(local) if local.exists() else shutil.which(name)
    assert found, f"{name} is not installed (pip install '.[dev]')"
    return found


def wait_until_it_answers(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    """Poll ``url`` with an ASK until it answers or the process dies or START_TIMEOUT passes."""
    deadline = time.monotonic() + START_TIMEOUT
    probe = url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(probe, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the server did not answer within {START_TIMEOUT} s: {log.read_text()[-2000:]}")


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the server by its pid: SIGTERM, then SIGKILL if it lingers."""
    if process.poll() is None:
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait(10)


@contextmanager
def running(command: list[str], url: str, log: Path, env: dict[str, str] | None = None) -> Iterator[str]:
    """Run a server command until the block ends; yields ``url`` once it answers."""
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   env={**os.environ, **(env or {})})
    try:
        wait_until_it_answers(url, process, log)
        yield url
    finally:
        stop(process)


@contextmanager
def oxigraph_endpoint(ntriples: Path, workdir: Path) -> Iterator[str]:
    """``oxigraph serve-read-only`` over a database bulk loaded from ``ntriples``; yields its /query URL."""
    location = workdir / "oxigraph-db"
    subprocess.run([executable("oxigraph"), "load", "--location", str(location), "--file", str(ntriples)],
                   check=True, capture_output=True, timeout=300)
    port = free_port()
    command = [executable("oxigraph"), "serve-read-only", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    with running(command, f"http://127.0.0.1:{port}/query", workdir / "oxigraph.log") as url:
        yield url


@contextmanager
def esrkg_serve(workdir: Path, *options: str, serve_options: tuple[str, ...] = ()) -> Iterator[str]:
    """``esrkg [options] serve [serve_options]`` on a free port; yields its base URL (no trailing slash)."""
    port = free_port()
    command = [executable("esrkg"), *options, "serve", "--host", "127.0.0.1", "--port", str(port), *serve_options]
    with running(command, f"http://127.0.0.1:{port}/sparql", workdir / f"esrkg-serve-{port}.log") as url:
        yield url.removesuffix("/sparql")


def oxigraph_over(graph, tmp_path_factory) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """For a fixture: an Oxigraph server over this rdflib graph's N-Triples; yields its query URL."""
    workdir = tmp_path_factory.mktemp("oxigraph-server")
    ntriples = workdir / "esrkg.nt"
    ntriples.write_text(graph.serialize(format="nt"), encoding="utf-8")
    with oxigraph_endpoint(ntriples, workdir) as url:
        yield url
