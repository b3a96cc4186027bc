"""The safe runner's limits and output formats, in a module that imports nothing heavy.

The CLI needs them to build its options before it knows which command runs; importing the runner
itself would build rdflib's SPARQL grammar (30-60 ms) even for ``esrkg ask``, which never uses it.
"""

DEFAULT_LIMIT = 1000
MAX_LIMIT = 100_000
DEFAULT_MAX_BYTES = 16_000_000
MAX_MAX_BYTES = 256_000_000
DEFAULT_TIMEOUT = 5.0
MAX_TIMEOUT = 60.0
DEFAULT_MEMORY_MB = 1024
MAX_MEMORY_MB = 16_384
OUTPUT_FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json", "turtle", "nt", "xml", "json-ld")
RDF_FORMATS = ("turtle", "nt", "xml", "json-ld")
