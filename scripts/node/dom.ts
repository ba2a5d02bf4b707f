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
  const scope = globalThis as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(window)) {
    if (name in scope || name === "undefined") continue;
    try {
      const value = (window as unknown as Record<string, unknown>)[name];
      scope[name] = typeof value === "function" && /^[a-z]/.test(name) ? (value as () => unknown).bind(window) : value;
    } catch {
      // A few of jsdom's accessors throw outside a document context; nothing draws with them.
    }
  }
  scope.window = window;
  scope.document = window.document;
  // jsdom lays nothing out; the frame's tooltips only need the observer to exist.
  scope.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  // Nor does it scroll: Inputs.table scrolls its body back to the top when it sorts.
  (window as unknown as {Element: {prototype: Record<string, unknown>}}).Element.prototype.scrollTo ??= () => {};
  return window as unknown as Window;
}
