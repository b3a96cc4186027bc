"""Every export format round-trips to an isomorphic graph."""

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from esrkg.export import EXPORT_FORMATS, serialize


@pytest.mark.parametrize("export_format", EXPORT_FORMATS)
def test_export_round_trips(graph, export_format):
    text = serialize(graph, export_format)
    assert isomorphic(Graph().parse(data=text, format=export_format), graph)


@pytest.mark.parametrize("export_format", EXPORT_FORMATS)
def test_inferred_export_round_trips(inferred_graph, export_format):
    text = serialize(inferred_graph, export_format)
    assert isomorphic(Graph().parse(data=text, format=export_format), inferred_graph)


def test_unknown_format_is_refused(graph):
    with pytest.raises(ValueError, match="Unknown export format 'pdf'"):
        serialize(graph, "pdf")


def test_json_ld_context_is_inline(graph):
    text = serialize(graph, "json-ld")
    assert '"esr": "https://w3id.org/esrkg/"' in text
