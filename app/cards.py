"""The summary card of an item (esrkg.summary_card), drawn the same way on every page that shows one.

GRADE summary-of-findings in spirit: what the item is (with the definition's source), what each
edition concluded (the level's colour, name and esrkg's plain-words explanation), how the verdict
changed, every estimate with all its statistics and the words it was read from, and "cite this".
"""

from html import escape

import streamlit as st

from esrkg.summary_card import SummaryCard, doi_link, estimate_facts
from tables import show

FACTS = ("What it estimates", "Metric", "Value", "95% CI", "p", "k", "N", "d equivalent", "Heterogeneity")  # as printed


def _badge(card_verdict, label: str) -> str:
    fill, ink = card_verdict.level.colours
    on = f" on {card_verdict.subject_label}" if card_verdict.subject_label != label else ""
    return (f'<span style="background:{fill};color:{ink};padding:2px 8px;border-radius:5px;border:1px solid #999;'
            f'font-weight:600">{escape(card_verdict.edition)}: {escape(card_verdict.level.label)}</span>'
            f'<span style="color:#555">{escape(on)}</span>')


def show_card(card: SummaryCard | None, key: str = "card") -> None:
    """Draw one item's card (nothing for None)."""
    if card is None:
        return
    with st.container(border=True, key=f"{key}-box"):
        st.subheader(card.label, anchor=False)
        names = f" · also called: {', '.join(card.other_names)}" if card.other_names else ""
        st.caption(f"{card.kind_label}{names} · {card.iri}")
        if card.definition:
            st.markdown(f"> {escape(card.definition)}")
            st.caption(f"Definition: {card.definition_source}")
        elif card.note:
            st.markdown(escape(card.note))
            st.caption("esrkg's own note (editorial), not the task force's words.")
        else:
            st.caption("Our sources give no definition of this term.")

        st.markdown("**Verdict per edition**")
        if card.verdicts:
            st.html("<div style='display:flex;flex-direction:column;gap:6px'>" + "".join(
                f"<div>{_badge(v, card.label)}<br><small style='color:#555'>{escape(v.level.explanation)} Source: "
                f"{escape(v.source_label)}.</small></div>" for v in card.verdicts) + "</div>")
        else:
            st.caption("No edition gave a verdict on this item in our sources.")
        if card.changes:
            st.markdown("**How the verdict changed**")
            st.markdown("\n".join(f"- {escape(c.sentence())}" for c in card.changes))
            st.caption("“Upgraded” or “downgraded” only when both verdicts sit on one evidence scale; "
                       "otherwise both verdicts are given and the scales differ.")

        st.markdown(f"**Estimates** ({len(card.estimates)})")
        if not card.estimates:
            st.caption("No effect size was published on this item in our sources.")
        else:
            rows = []
            for estimate in card.estimates:
                facts = estimate_facts(estimate)
                rows.append({"Edition": facts["Edition"], "About": facts["About"],
                             "What it estimates": facts["What it estimates"], "Figure": estimate.figure(),
                             **{name: facts[name] for name in FACTS[3:]}})
            show(rows)
            st.markdown("**Where each figure was read**")
            for estimate in card.estimates:
                link = doi_link(estimate.doi or "")
                quoted = " … ".join(f"“{q.words}” (read at {q.page})" for q in estimate.quotations)
                source = estimate.citation or estimate.source_label
                st.markdown(f"- **{escape(estimate.edition)} · {escape(estimate.item_label)} · "
                            f"{escape(estimate.figure())}**: {escape(quoted)} — {escape(source)}"
                            + (f" [doi:{escape(estimate.doi or '')}]({link})" if link else ""))

        st.markdown("**Cite this**")
        st.code(card.cite_this(), language=None, wrap_lines=True)
