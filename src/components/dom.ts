/** An element with its class and text: how the components build their DOM, without markup strings. */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className = "", text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Whether a node is an element, by its DOM number: true across windows (jsdom's at build, the page's in a browser). */
export function isElement(node: Node | null | undefined): node is Element {
  return node?.nodeType === 1;
}

/** A deep copy of an element, to change without changing the drawing it came from. */
export function cloneElement(element: Element): Element {
  const copy = element.cloneNode(true);
  if (!isElement(copy)) throw new Error(`a copy of <${element.localName}> is not an element`);
  return copy;
}
