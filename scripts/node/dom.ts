/**
 * A browser-like global scope for drawing the components in Node: Plot and the
 * chart frame call `document.createElement`, `getComputedStyle` and friends on
 * the global object, as they do in a page. jsdom is already a Framework
 * dependency. Only names Node does not define itself are copied, so Node's own
 * `fetch`, `URL` or `performance` are left alone.
 */
import {JSDOM} from "jsdom";

export function installDom(): Window {
  const {window} = new JSDOM("<!doctype html><html><head></head><body></body></html>", {pretendToBeVisual: true});
  const scope: Record<string, unknown> = globalThis;
  for (const name of Object.getOwnPropertyNames(window)) {
    if (name in scope || name === "undefined") continue;
    try {
      // Read by name, as unknown: only its kind is checked below.
      const value: unknown = Reflect.get(window, name);
      scope[name] = typeof value === "function" && /^[a-z]/.test(name) ? value.bind(window) : value;
    } catch {
      // A few of jsdom's accessors throw outside a document context; nothing draws with them.
    }
  }
  globalThis.window = window;
  globalThis.document = window.document;
  // jsdom lays nothing out; the frame's tooltips only need the observer to exist.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  // Nor does it scroll: Inputs.table scrolls its body back to the top when it sorts.
  window.Element.prototype.scrollTo ??= () => {};
  return window;
}
