"""The endpoint's own query page at ``/``: works offline (no CDN), with the catalogue as examples.

Without JavaScript it is a plain form that GETs ``/sparql`` with a ``format``; with JavaScript it
POSTs ``application/sparql-query`` and draws SPARQL JSON results as a table, writing every value with
``textContent`` so nothing in the data is ever read as markup.
"""

import json
from html import escape

from esrkg import queries
from esrkg.term_pages import page_html

_SCRIPT = """
const examples = JSON.parse(document.getElementById('examples').textContent);
const form = document.getElementById('form'), text = document.getElementById('query');
const out = document.getElementById('out'), error = document.getElementById('error');
document.getElementById('example').addEventListener('change', (e) => {
  if (examples[e.target.value]) text.value = examples[e.target.value];
});
const accept = {json: 'application/sparql-results+json, text/turtle;q=0.9',
  csv: 'text/csv, application/n-triples;q=0.9', tsv: 'text/tab-separated-values, application/n-triples;q=0.9',
  xml: 'application/sparql-results+xml, application/rdf+xml;q=0.9', turtle: 'text/turtle',
  nt: 'application/n-triples', 'json-ld': 'application/ld+json'};
function cell(term) {
  const td = document.createElement('td');
  if (term) td.textContent = term.type === 'uri' ? '<' + term.value + '>' : term.value;
  return td;
}
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  out.replaceChildren(); error.textContent = 'Running…';
  const format = document.getElementById('format').value;
  const response = await fetch('/sparql', {method: 'POST', body: text.value,
    headers: {'Content-Type': 'application/sparql-query', 'Accept': accept[format]}});
  const body = await response.text();
  if (!response.ok) { error.textContent = body; return; }
  error.textContent = response.headers.get('X-Esrkg-Notice') || '';
  const type = response.headers.get('Content-Type') || '';
  if (type.startsWith('application/sparql-results+json')) {
    const data = JSON.parse(body);
    if ('boolean' in data) { out.textContent = String(data.boolean); return; }
    const table = document.createElement('table'), head = document.createElement('tr');
    for (const name of data.head.vars) {
      const th = document.createElement('th'); th.textContent = name; head.append(th);
    }
    table.append(head);
    for (const row of data.results.bindings) {
      const tr = document.createElement('tr');
      for (const name of data.head.vars) tr.append(cell(row[name]));
      table.append(tr);
    }
    const count = document.createElement('p');
    count.textContent = data.results.bindings.length + ' rows';
    out.append(count, table);
  } else {
    const pre = document.createElement('pre'); pre.textContent = body; out.append(pre);
  }
});
"""

_FORMATS = ("json", "csv", "tsv", "xml", "turtle", "nt", "json-ld")


def query_page_html() -> str:
    """The query page: an editor, example queries from the catalogue, a format choice, the results."""
    examples = {q.id: q.text for q in queries.catalogue().values() if not q.is_violation_check}
    first = examples.get("items_at_level") or next(iter(examples.values()), "SELECT * WHERE { ?s ?p ?o } LIMIT 10")
    options = "".join(f"<option value='{escape(qid)}'>{escape(qid)}</option>" for qid in sorted(examples))
    formats = "".join(f"<option>{name}</option>" for name in _FORMATS)
    # JSON inside <script type=application/json>: '<' is escaped so no text can close the element.
    data = json.dumps(examples).replace("<", "\\u003c")
    body = (
        "<h1>esrkg SPARQL endpoint</h1>"
        "<p>Read-only SPARQL 1.1 at <code>/sparql</code> (GET, POST form, POST application/sparql-query). "
        "Term IRIs such as <a href='/empathy'>/empathy</a> are pages.</p>"
        "<form id=form method=get action=/sparql>"
        f"<p><label>Example <select id=example><option value=''>—</option>{options}</select></label> "
        f"<label>Format <select id=format name=format>{formats}</select></label> "
        "<button type=submit>Run</button></p>"
        f"<textarea id=query name=query spellcheck=false>{escape(first)}</textarea></form>"
        f"<p id=error></p><div id=out></div><script type=application/json id=examples>{data}</script>"
    )
    return page_html("SPARQL", body, _SCRIPT)
