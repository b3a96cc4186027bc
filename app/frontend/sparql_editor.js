// The SPARQL editor: YASQE (the editor of YASGUI) with syntax highlighting and checking, and
// completions of prefixes, classes and properties from esrkg's ontology only (no prefix.cc, no LOV,
// nothing stored in the browser). It never runs a query itself: Ctrl+Enter (or Cmd+Enter) hands the
// text to Python, which runs it in esrkg's safe runner.
function register(completions) {
  if (window.__esrkgCompleters) return;
  window.__esrkgCompleters = true;
  Yasqe.forkAutocompleter("prefixes", { name: "esrkg-prefixes", get: () => completions.prefixes,
    persistenceId: null }, false);
  Yasqe.forkAutocompleter("class", { name: "esrkg-classes", get: () => completions.classes, bulk: true,
    persistenceId: null }, false);
  Yasqe.forkAutocompleter("property", { name: "esrkg-properties", get: () => completions.properties, bulk: true,
    persistenceId: null }, false);
}

export default async function (component) {
  const { data, parentElement, setStateValue, setTriggerValue } = component;
  await Promise.all([loadAsset("yasqe.min.css"), loadAsset("yasqe.min.js")]);
  register(data.completions);
  const holder = child(parentElement, "esrkg-yasqe");
  if (!holder.yasqe) {
    const run = (editor) => { setStateValue("text", editor.getValue()); setTriggerValue("run", editor.getValue()); };
    holder.yasqe = new Yasqe(holder, {
      value: data.text, persistenceId: null, showQueryButton: false, resizeable: true,
      editorHeight: data.height + "px", autocompleters: ["esrkg-prefixes", "esrkg-classes", "esrkg-properties",
        "variables"], extraKeys: { "Ctrl-Enter": run, "Cmd-Enter": run, "Ctrl-S": () => {} },
      createShareableLink: null, consumeShareLink: null, queryingDisabled: "esrkg runs the query",
    });
    let timer;
    holder.yasqe.on("change", (editor) => {
      clearTimeout(timer);
      timer = setTimeout(() => setStateValue("text", editor.getValue()), 500);
    });
    holder.yasqe.on("blur", (editor) => { clearTimeout(timer); setStateValue("text", editor.getValue()); });
    holder.dataset.revision = String(data.revision);
    window.esrkgEditor = holder.yasqe;  // for tests and the browser console
  } else if (holder.dataset.revision !== String(data.revision)) {
    holder.dataset.revision = String(data.revision);  // Python replaced the text (an example, a link, Ask)
    if (holder.yasqe.getValue() !== data.text) holder.yasqe.setValue(data.text);
  }
}
