"""Tables for people: every cell as text, nothing missing shown as "None", no column cut off.

Values from the library are already written as the sources print them (esrkg.summary_card.
estimate_facts); here missing values become empty cells, columns that are empty in every row are
dropped, and long text wraps instead of being cut (st.table), while wide tables of many rows use
st.dataframe with links as link columns.
"""

import datetime

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
        st.table(data, hide_index=True)
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
