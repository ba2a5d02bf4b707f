/**
 * The built site served on 127.0.0.1 and a Chromium to read it with, started
 * before the tests of one file and stopped after them. Each browser test file
 * has its own, so files run in parallel; the export is only read, and a file
 * fails if dist/ changed while it ran.
 */
import {after, before} from "node:test";
import type {Browser} from "playwright-core";
import {launchBrowser} from "../../scripts/export/chromium.js";
import {serve, type StaticServer} from "../../scripts/export/static-server.js";
import {assertBuilt, distDir, distSnapshot} from "./site.js";

export interface SiteSession {
  server: StaticServer;
  browser: Browser;
}

/** With `base`, the site is served under that sub-path (as "/investigations/southern-health/"), as a newsroom may host it. */
export function siteSession(dir = distDir, {base = "/"}: {base?: string} = {}): SiteSession {
  const session = {} as SiteSession;
  let snapshot = "";
  before(async () => {
    assertBuilt();
    snapshot = distSnapshot(dir);
    session.server = await serve(dir, {base});
    session.browser = await launchBrowser();
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
    if (snapshot && distSnapshot(dir) !== snapshot) throw new Error(`${dir} changed while the browser tests read it: nothing may write into the export under test`);
  });
  return session;
}
