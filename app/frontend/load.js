// Shared by the app's components: load a vendored script or stylesheet from the app's own static
// folder once per page (the app never loads anything from another host).
const STATIC = window.location.origin + "/app/static/vendor/";
window.__esrkgAssets = window.__esrkgAssets || {};

function loadAsset(name) {
  if (!window.__esrkgAssets[name]) {
    window.__esrkgAssets[name] = new Promise((resolve, reject) => {
      const isCss = name.endsWith(".css");
      const element = document.createElement(isCss ? "link" : "script");
      if (isCss) { element.rel = "stylesheet"; element.href = STATIC + name; } else { element.src = STATIC + name; }
      element.onload = resolve;
      element.onerror = () => reject(new Error("esrkg could not load " + name + " from the app's static folder"));
      document.head.appendChild(element);
    });
  }
  return window.__esrkgAssets[name];
}

function child(parent, className, tag = "div") {
  let element = parent.querySelector(":scope > ." + className);
  if (!element) {
    element = document.createElement(tag);
    element.className = className;
    parent.appendChild(element);
  }
  return element;
}
