/**
 * What a page transferred: every request of a browser context (the page and
 * its workers), with the encoded body size Chromium reports for it, sorted
 * into kinds. The bench's server does not compress, so the encoded size is
 * the file's size; each body is also gzipped here (zlib level 6, what most
 * hosts use) to estimate what a host serving gzip would send.
 */
import {existsSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import type {BrowserContext, Request} from "playwright-core";

export const KINDS = ["js", "css", "data", "wasm", "fonts", "other"] as const;
export type Kind = (typeof KINDS)[number];

export interface Transfer {
  /** The path on the bench's server ("/_npm/…/87b949af.js"). */
  path: string;
  kind: Kind;
  /** Encoded response body, as Chromium counted it. */
  bytes: number;
  /** The same body gzipped. */
  gzipBytes: number;
  status: number;
}

export interface PageTransfers {
  transfers: Transfer[];
  /** Requests that never completed (refused, aborted, failed). */
  failed: string[];
}

export function kindOf(path: string, resourceType = ""): Kind {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? "";
  if (extension === "js" || extension === "mjs" || resourceType === "script") return "js";
  if (extension === "css" || resourceType === "stylesheet") return "css";
  if (extension === "wasm") return "wasm";
  if (["woff", "woff2", "ttf", "otf", "eot"].includes(extension) || resourceType === "font") return "fonts";
  if (["json", "csv", "tsv", "arrow", "parquet", "txt", "zip"].includes(extension) || path.startsWith("/_file/")) return "data";
  return "other";
}

// The site is static: one path, one body. Gzipping DuckDB's 36 MB of WebAssembly once is enough.
const gzipCache = new Map<string, number>();

/** The file the bench's server sends for a path (it maps clean URLs the same way). */
function siteFile(siteDir: string, path: string): string | null {
  const candidates = path.endsWith("/") ? [join(siteDir, path, "index.html")] : [join(siteDir, path), join(siteDir, `${path}.html`)];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile()) ?? null;
}

async function gzipSize(path: string, request: Request, siteDir: string): Promise<number> {
  const known = gzipCache.get(path);
  if (known !== undefined) return known;
  // Chromium does not always keep the body of what a worker fetched (DuckDB's WebAssembly):
  // then the file the server sent it from is compressed instead. The server sends files as they are.
  let body = await (await request.response())?.body().catch(() => null);
  if (!body) {
    const file = siteFile(siteDir, decodeURIComponent(path));
    if (!file) return Number.NaN;
    body = readFileSync(file);
  }
  const size = gzipSync(body, {level: 6}).length;
  gzipCache.set(path, size);
  return size;
}

/** Starts recording a context's requests; `stop()` waits for the last sizes and returns them. */
export function recordTransfers(context: BrowserContext, origin: string, siteDir: string): {stop(): Promise<PageTransfers>} {
  const pending: Promise<Transfer | null>[] = [];
  const failed: string[] = [];
  const onFinished = (request: Request) => {
    const url = request.url();
    if (!url.startsWith(origin)) return; // data: and blob: URLs transfer nothing
    const path = new URL(url).pathname;
    pending.push(
      (async () => {
        const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
        return {
          path,
          kind: kindOf(path, request.resourceType()),
          bytes: sizes.responseBodySize,
          gzipBytes: await gzipSize(path, request, siteDir),
          status: response?.status() ?? 0
        };
      })().catch(() => null)
    );
  };
  const onFailed = (request: Request) => failed.push(`${request.url()} (${request.failure()?.errorText ?? "failed"})`);
  context.on("requestfinished", onFinished);
  context.on("requestfailed", onFailed);
  return {
    async stop() {
      context.off("requestfinished", onFinished);
      context.off("requestfailed", onFailed);
      const transfers = (await Promise.all(pending)).filter((t): t is Transfer => t !== null);
      return {transfers, failed};
    }
  };
}

export type BytesByKind = Record<Kind, number>;

export function bytesByKind(transfers: Transfer[], field: "bytes" | "gzipBytes" = "bytes"): BytesByKind {
  const totals = Object.fromEntries(KINDS.map((kind) => [kind, 0])) as BytesByKind;
  for (const transfer of transfers) totals[transfer.kind] += transfer[field];
  return totals;
}

/** DuckDB-WASM's module, worker or WebAssembly, or Framework's DuckDB client (which imports DuckDB-WASM). */
export function isDuckDbFile(path: string): boolean {
  return /^\/_npm\/@duckdb\/|^\/_observablehq\/stdlib\/duckdb\./.test(path);
}
