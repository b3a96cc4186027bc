"""Tables for people: every cell as text, nothing missing shown as "None", no column cut off.

Values from the library are already written as the sources print them (esrkg.summary_card.
estimate_facts); here missing values become empty cells, columns that are empty in every row are
dropped, and long text wraps instead of being cut. Static tables are our own escaped HTML (st.html):
st.table and st.dataframe make the browser load about 0.75 MB of table code before they draw, which
cost a page's first visit half a second. Tables a visitor sorts (SPARQL results) stay st.dataframe.
"""

import datetime
from html import escape

import pandas as pd
import streamlit as st


def text(value: object) -> str:
    """A cell as people read it: '' for nothing, whole numbers with thousands separators, dates in words."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return f"{value:%d %B %Y, %H:%M}".lstrip("0")
    if isinstance(value, datetime.date):
        return f"{value:%d %B %Y}".lstrip("0")
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def frame(rows: list[dict], columns: dict[str, str] | None = None, drop_empty: bool = True) -> pd.DataFrame:
    """Rows as a DataFrame of text with the given columns (key -> title); empty columns dropped."""
    columns = columns or {key: key for row in rows for key in row}
    data = pd.DataFrame([{title: text(row.get(key)) for key, title in columns.items()} for row in rows],
                        columns=list(columns.values()), dtype="string")
    if drop_empty and not data.empty:
        data = data.loc[:, [c for c in data.columns if (data[c].fillna("") != "").any()]]
    return data


def show(rows: list[dict], columns: dict[str, str] | None = None, sortable: bool = False,
         links: tuple[str, ...] = ("Link", "Read at", "DOI"), height: int | str = "auto") -> None:
    """A table that fits its columns, with no 'None': static and wrapped by default (it draws at once),
    or sortable (st.dataframe: click a header to sort), with links as link columns."""
    data = frame(rows, columns)
    if not sortable:
        st.html(html_table(data))
        return
    if "DOI" in data.columns:
        data["DOI"] = ["https://doi.org/" + d if d else "" for d in data["DOI"]]
    shown_doi = r"https?://doi\.org/(.*)"  # the DOI itself as the link's text
    config = {name: st.column_config.LinkColumn(name, display_text=shown_doi if name == "DOI" else None)
              for name in links if name in data.columns}
    for name in data.columns:
        if name not in config:
            config[name] = st.column_config.TextColumn(name, width="medium" if data[name].str.len().max() > 30
                                                       else "small")
    st.dataframe(data, hide_index=True, width="stretch", column_config=config, height=height, row_height=None)


TABLE_STYLE = """<style>
table.esrkg-table{border-collapse:collapse;width:100%;font-size:0.88rem;margin:0.25rem 0 0.75rem}
table.esrkg-table th{text-align:left;font-weight:600;background:#f6f6f6;color:#333;padding:6px 8px;
  border-bottom:1px solid #ddd}
table.esrkg-table td{padding:5px 8px;border-bottom:1px solid #eee;vertical-align:top;overflow-wrap:break-word}
table.esrkg-table td.short{white-space:nowrap}
</style>"""


SHORT = 16


def _cell_html(value: str) -> str:
    if value.startswith(("https://", "http://")) and " " not in value:
        return f'<a href="{escape(value)}" target="_blank" rel="noopener">{escape(value)}</a>'
    return escape(value)


def html_table(data: pd.DataFrame) -> str:
    """A DataFrame of text as an escaped HTML table (wrapped cells, links clickable)."""
    head = "".join(f"<th>{escape(str(name))}</th>" for name in data.columns)
    def cell(value: str) -> str:  # short figures ("p < .005", "[.20, .33]") are never broken over lines
        return f'<td class="short">{_cell_html(value)}</td>' if len(value) <= SHORT else f"<td>{_cell_html(value)}</td>"

    body = "".join("<tr>" + "".join(cell(str(value)) for value in row) + "</tr>"
                   for row in data.fillna("").itertuples(index=False))
    return f'{TABLE_STYLE}<table class="esrkg-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
