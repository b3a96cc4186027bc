// The Explore drawing: vis-network with the positions computed in Python (no physics, so the first
// drawing does not wait for a simulation), item nodes drawn as boxes with a badge per edition's
// verdict, plain-text tooltips (textContent, never HTML), and a click that focuses a node in Python.
function wrap(ctx, text, width) {
  const lines = [];
  let line = "";
  for (const word of text.split(" ")) {
    const next = line ? line + " " + word : word;
    if (ctx.measureText(next).width > width && line) { lines.push(line); line = word; } else { line = next; }
  }
  if (line) lines.push(line);
  return lines;
}

function itemShape(node) {
  return ({ ctx, x, y, state: { selected, hover } }) => {
    ctx.font = (node.focus ? "bold " : "") + "14px sans-serif";
    const lines = wrap(ctx, node.text, 150);
    const badgeRow = node.badges.length ? 22 : 0;
    const width = Math.max(110, Math.min(170, Math.max(...lines.map((l) => ctx.measureText(l).width)) + 20),
      node.badges.length * 46 + 12);
    const height = lines.length * 17 + 14 + badgeRow;
    return {
      drawNode() {
        const left = x - width / 2, top = y - height / 2;
        ctx.beginPath();
        ctx.roundRect(left, top, width, height, 8);
        ctx.fillStyle = node.fill;
        ctx.fill();
        ctx.lineWidth = node.focus || selected ? 4 : hover ? 2.5 : 1.5;
        ctx.strokeStyle = node.border;
        ctx.stroke();
        ctx.fillStyle = "#111111";
        ctx.textAlign = "center";
        ctx.textBaseline = "top";
        lines.forEach((line, i) => ctx.fillText(line, x, top + 7 + i * 17));
        const start = x - (node.badges.length * 46 - 4) / 2;
        node.badges.forEach((badge, i) => {
          const bx = start + i * 46, by = top + height - badgeRow - 2;
          ctx.beginPath();
          ctx.roundRect(bx, by, 42, 18, 4);
          ctx.fillStyle = badge.fill;
          ctx.fill();
          ctx.lineWidth = 1;
          ctx.strokeStyle = "#555555";
          ctx.stroke();
          ctx.fillStyle = badge.ink;
          ctx.font = "bold 11px sans-serif";
          ctx.fillText(badge.text, bx + 21, by + 3);
        });
      },
      nodeDimensions: { width, height },
    };
  };
}

function tooltip(text) {
  const element = document.createElement("div");
  element.textContent = text;
  element.style.whiteSpace = "pre-wrap";
  element.style.maxWidth = "340px";
  element.style.fontFamily = "sans-serif";
  element.style.fontSize = "13px";
  return element;
}

export default async function (component) {
  const { data, parentElement, setTriggerValue } = component;
  window.__esrkgCanvasStart = window.__esrkgCanvasStart || performance.now();  // for bench/bench_browser.py
  await loadAsset("vis-network.min.js");
  const box = child(parentElement, "esrkg-graph");
  box.style.height = data.height + "px";
  box.style.border = "1px solid #dddddd";
  box.style.borderRadius = "8px";
  box.dataset.drawn = "0";
  const nodes = data.nodes.map((node) => {
    const drawn = { id: node.id, x: node.x, y: node.y, title: tooltip(node.tooltip) };
    if (node.item) {
      Object.assign(drawn, { shape: "custom", ctxRenderer: itemShape(node), label: undefined });
    } else {
      Object.assign(drawn, { label: node.text, shape: node.shape, size: node.focus ? 18 : 11,
        color: { background: node.fill, border: node.border }, borderWidth: node.focus ? 4 : 1,
        font: { size: 13, color: "#222222", strokeWidth: 3, strokeColor: "#ffffff" } });
    }
    return drawn;
  });
  const edges = data.edges.map((edge, index) => ({ id: index, from: edge.from, to: edge.to,
    label: edge.label || undefined, title: tooltip(edge.title || edge.label), arrows: "to", color: { color: edge.colour || "#9a9a9a" },
    font: { size: 11, color: "#555555", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
    smooth: false }));
  const network = new vis.Network(box, { nodes, edges }, {
    physics: data.physics ? { enabled: true, stabilization: false, barnesHut: { springLength: 140 } } : false,
    interaction: { hover: true, tooltipDelay: 150, navigationButtons: true, keyboard: false },
    layout: { improvedLayout: false }, edges: { width: 1.3 },
  });
  network.once("afterDrawing", () => {
    const scale = network.getScale();
    if (scale < data.minScale) {  // labels would be too small to read: zoom in on the focus (or the middle)
      const focus = data.nodes.find((node) => node.focus);
      network.moveTo({ scale: data.minScale, position: focus ? { x: focus.x, y: focus.y } : undefined });
    }
    window.__esrkgFirstDrawing = window.__esrkgFirstDrawing || performance.now();
    box.dataset.drawn = "1";
  });
  box.network = network;  // for the browser tests: node positions on the screen
  network.on("click", (params) => {
    if (params.nodes.length) setTriggerValue("clicked", params.nodes[0]);
  });
  return () => network.destroy();
}
