/**
 * Data that never leaves: from every page of the export, a fetch, an image, a
 * beacon and a WebSocket aimed at another origin are refused by the page's
 * policy and never reach it. The other origin is a real server on this
 * machine that counts what arrives; the same attempts from a page without the
 * policy reach it, so the test can fail.
 */
import {after, before, test} from "node:test";
import assert from "node:assert/strict";
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import type {Page} from "playwright-core";
import {waitForCells} from "../../scripts/export/chromium.js";
import {serve, type StaticServer} from "../../scripts/export/static-server.js";
import {siteSession} from "../helpers/session.js";
import {builtPages, distDir} from "../helpers/site.js";

const session = siteSession();
/** The other origin, and every request that reached it. */
let elsewhere: {server: Server; origin: string; arrived: string[]};
/** A page of the site's origin without the policy: the control. */
let control: StaticServer;

before(async () => {
  const arrived: string[] = [];
  const server = createServer((request, response) => {
    arrived.push(request.url ?? "");
    response.writeHead(200, {"access-control-allow-origin": "*", "content-type": "image/gif"}).end();
  });
  server.on("upgrade", (request, socket) => {
    arrived.push(request.url ?? "");
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  elsewhere = {server, origin: `http://localhost:${(server.address() as AddressInfo).port}`, arrived};
  control = await serve(distDir, {extra: {"/control": "<!DOCTYPE html><html lang=en><title>control</title><p>no policy</p>"}});
});

after(async () => {
  await new Promise((resolve) => elsewhere?.server.close(resolve));
  await control?.close();
});

/**
 * Runs in the page: tries each way out and returns the policy violations the
 * page reported. A string, not a function, so the test runner's compiler adds
 * nothing to it.
 */
const TRY_TO_LEAVE = `async ({origin, tag}) => {
  const violations = [];
  document.addEventListener("securitypolicyviolation", (event) => violations.push(event.effectiveDirective + " " + event.blockedURI));
  await fetch(origin + "/fetch-" + tag, {mode: "no-cors"}).catch(() => undefined);
  await new Promise((resolve) => {
    const image = new Image();
    image.onload = image.onerror = resolve;
    image.src = origin + "/image-" + tag;
  });
  // A refused beacon may throw or return false; either way it must not arrive.
  try { navigator.sendBeacon(origin + "/beacon-" + tag, "table rows"); } catch {}
  await new Promise((resolve) => {
    try {
      const socket = new WebSocket(origin.replace(/^http/, "ws") + "/socket-" + tag);
      socket.onerror = socket.onclose = resolve;
    } catch {
      resolve();
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  return violations;
}`;

function tryToLeave(page: Page, origin: string, tag: string): Promise<string[]> {
  return page.evaluate(`(${TRY_TO_LEAVE})(${JSON.stringify({origin, tag})})`) as Promise<string[]>;
}

test("without the policy, each attempt reaches the other origin (the control)", async () => {
  const context = await session.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${control.origin}/control`);
    await tryToLeave(page, elsewhere.origin, "control");
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const way of ["fetch", "image", "beacon", "socket"]) assert.ok(elsewhere.arrived.includes(`/${way}-control`), `${way} reached the other origin: ${elsewhere.arrived.join(", ")}`);
  } finally {
    await context.close();
  }
});

test("from every page and embed, fetch, image, beacon and WebSocket to another origin are blocked, and the page loads without a policy error", async () => {
  const pages = await builtPages();
  assert.ok(pages.includes("/explore") && pages.some((p) => p.startsWith("/embed/")) && pages.includes("/sources"));
  const context = await session.browser.newContext();
  try {
    for (const path of pages) {
      // Not the suites' usual page, which aborts requests off the machine itself: here only the policy may stop them.
      const page = await context.newPage();
      const consoleErrors: string[] = [];
      page.on("console", (message) => void (message.type() === "error" && consoleErrors.push(message.text())));
      page.on("pageerror", (error) => consoleErrors.push(String(error)));
      try {
        await page.goto(session.server.url + path.slice(1));
        await waitForCells(page);
        // Other console errors are the other suites' business; this one is about the policy.
        assert.deepEqual(consoleErrors.filter((e) => /Content Security Policy/i.test(e)), [], `${path} loads without a policy error`);
        const tag = path.replace(/\W+/g, "_");
        const violations = await tryToLeave(page, elsewhere.origin, tag);
        assert.deepEqual(elsewhere.arrived.filter((url) => url.endsWith(`-${tag}`)), [], `${path}: nothing reached the other origin`);
        for (const [directive, way] of [["connect-src", "fetch"], ["img-src", "image"], ["connect-src", "beacon"], ["connect-src", "socket"]]) {
          assert.ok(violations.some((v) => v.startsWith(`${directive} `) && v.includes(`${way}-${tag}`)), `${path}: the ${way} was refused by ${directive} (${violations.join("; ")})`);
        }
      } finally {
        await page.close();
      }
    }
  } finally {
    await context.close();
  }
});
