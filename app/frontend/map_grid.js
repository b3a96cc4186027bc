// The evidence map: the table is HTML written (and escaped) by esrkg.map_html; a click or Enter on
// a cell opens that item's card in Python.
export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  const holder = child(parentElement, "esrkg-map");
  holder.innerHTML = data.html;  // esrkg.map_html escapes every label and figure
  holder.querySelectorAll("[data-item]").forEach((cell) => {
    const open = () => setTriggerValue("selected", cell.dataset.item);
    cell.addEventListener("click", open);
    cell.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); open(); }
    });
  });
}
