"""The app's tables for people (app/tables.py): no None, numbers with separators, dates in words."""

import datetime
import sys

from esrkg import paths

sys.path.insert(0, str(paths.app_dir()))  # the app's modules import each other by name, as Streamlit runs them
from tables import frame, text


def test_cells_are_text_for_people():
    assert text(None) == "" and text(14000) == "14,000" and text(True) == "yes"
    assert text(datetime.date(2018, 4, 2)) == "2 April 2018"


def test_empty_columns_are_dropped_and_nothing_reads_none():
    data = frame([{"a": None, "b": 1}, {"a": None, "b": 2000}], {"a": "A", "b": "B"})
    assert list(data.columns) == ["B"] and list(data["B"]) == ["1", "2,000"]


def test_html_tables_escape_cells_and_link_urls():
    from tables import html_table

    page = html_table(frame([{"a": "<script>x</script>", "b": "https://doi.org/10.1037/a0022186"}]))
    assert "<script>x" not in page and "&lt;script&gt;" in page
    assert '<a href="https://doi.org/10.1037/a0022186"' in page
