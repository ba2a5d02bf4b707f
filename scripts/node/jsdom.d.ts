// jsdom ships no types and @types/jsdom is not installed; the build-time renderer uses this much of it.
declare module "jsdom" {
  export class JSDOM {
    constructor(html: string, options?: {pretendToBeVisual?: boolean; virtualConsole?: VirtualConsole});
    window: Window & typeof globalThis;
    /** The document as HTML, doctype included. */
    serialize(): string;
  }
  /** Where a page's console messages (and jsdom's own, such as CSS it cannot parse) go; a new one sends them nowhere. */
  export class VirtualConsole {}
}
