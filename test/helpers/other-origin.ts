/**
 * Another origin on this machine, for the tests of the pages' policy: a real
 * server that answers anything and counts what arrives, started before a
 * test file's tests and stopped after them; and the attempts a page's script
 * could make to send a table there (a fetch, an image, a beacon, a WebSocket).
 */
import {after, before} from "node:test";
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import type {Page} from "playwright-core";

export interface OtherOrigin {
  origin: string;
  /** The path of every request that reached it. */
  arrived: string[];
}

export function otherOrigin(): OtherOrigin {
  const other: OtherOrigin = {origin: "", arrived: []};
  let server: Server | undefined;
  before(async () => {
    server = createServer((request, response) => {
      other.arrived.push(request.url ?? "");
      response.writeHead(200, {"access-control-allow-origin": "*", "content-type": "image/gif"}).end();
    });
    server.on("upgrade", (request, socket) => {
      other.arrived.push(request.url ?? "");
      socket.destroy();
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    other.origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));
  return other;
}

/** The ways out a page's script has, as the paths they ask the other origin for. */
export const WAYS_OUT = [
  {way: "fetch", directive: "connect-src"},
  {way: "image", directive: "img-src"},
  {way: "beacon", directive: "connect-src"},
  {way: "socket", directive: "connect-src"}
] as const;

/**
 * Runs in the page: tries each way out and returns the policy violations the
 * page reported. A string, not a function, so the test runner's compiler adds
 * nothing to it.
 */
const TRY_TO_LEAVE = `async ({origin, tag, ways}) => {
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
  // Violations are reported as events, after the request is refused: wait for one per way out, or
  // a second at most where the page reports fewer (the control page has no policy to report).
  await new Promise((resolve) => {
    const ended = Date.now() + 1000;
    const check = () => (violations.length >= ways || Date.now() > ended ? resolve() : requestAnimationFrame(check));
    check();
  });
  return violations;
}`;

/**
 * Tries every way out from `page` to `other`, each request tagged with `tag`;
 * returns the violations the page's policy reported. The page's own routes are
 * lifted first, so only its policy can stop a request.
 */
export async function tryToLeave(page: Page, other: OtherOrigin, tag: string): Promise<string[]> {
  await page.unrouteAll({behavior: "ignoreErrors"});
  return (await page.evaluate(`(${TRY_TO_LEAVE})(${JSON.stringify({origin: other.origin, tag, ways: WAYS_OUT.length})})`)) as string[];
}
