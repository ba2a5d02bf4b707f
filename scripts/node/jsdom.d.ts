// jsdom ships no types and @types/jsdom is not installed; the build-time renderer uses this much of it.
declare module "jsdom" {
  export class JSDOM {
    constructor(html: string, options?: {pretendToBeVisual?: boolean});
    window: Window & typeof globalThis;
  }
}
