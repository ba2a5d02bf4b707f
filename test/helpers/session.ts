/**
 * The built site served on 127.0.0.1 and a Chromium to read it with, started
 * before the tests of one file and stopped after them.
 */
import {after, before} from "node:test";
import type {Browser} from "playwright-core";
import {launchBrowser} from "../../scripts/chromium.js";
import {serve, type StaticServer} from "../../scripts/static-server.js";
import {assertBuilt, distDir} from "./site.js";

export interface SiteSession {
  server: StaticServer;
  browser: Browser;
}

export function siteSession(dir = distDir): SiteSession {
  const session = {} as SiteSession;
  before(async () => {
    assertBuilt();
    session.server = await serve(dir);
    session.browser = await launchBrowser();
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
