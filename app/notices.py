"""Sentences that may quote what a visitor typed (errors, problems with a link), shown as plain text.

``st.error`` and ``st.warning`` render their text as Markdown: an image written in a query was
fetched by the browser, and ``<http://...>`` IRIs vanished from the message. Here the sentence is
HTML-escaped into a box of our own markup, so nothing in it is interpreted as Markdown or HTML.
"""

import html
from typing import Literal

import streamlit as st

_BACKGROUNDS = {"error": "rgba(255, 43, 43, 0.09)", "warning": "rgba(255, 208, 0, 0.14)",
                "success": "rgba(33, 195, 84, 0.10)", "info": "rgba(28, 131, 225, 0.10)"}
Kind = Literal["error", "warning", "success", "info"]


def show_problem(message: str, kind: Kind = "error") -> None:
    """A coloured box (red error, yellow warning, green success, blue info) with the message as plain text."""
    st.html(f'<div class="esrkg-{kind}" role="alert" style="background:{_BACKGROUNDS[kind]};padding:0.75rem 1rem;'
            f'border-radius:0.5rem;white-space:pre-wrap;overflow-wrap:anywhere">{html.escape(message)}</div>')
