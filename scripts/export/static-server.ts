/**
 * A plain static file server for a built site, bound to 127.0.0.1, the way a
 * newsroom's file host would serve dist/: no rewrites beyond Framework's clean
 * URLs (/page → /page.html, /dir/ → /dir/index.html). It can mount the site
 * under a sub-path to prove the export works there, and serve extra files
 * (a test host page) beside it.
 */
import {createServer, type Server} from "node:http";
import {readdir, readFile, stat} from "node:fs/promises";
import {extname, join, normalize, relative} from "node:path";
import type {AddressInfo} from "node:net";
import {gzipSync} from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".arrow": "application/vnd.apache.arrow.file",
  ".parquet": "application/vnd.apache.parquet",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8"
};

export interface StaticServer {
  origin: string;
  /** The site's root URL, ending in a slash. */
  url: string;
  close(): Promise<void>;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}

/** Text types a static host compresses; images, fonts and wasm are served as they are. */
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".csv", ".svg", ".txt"]);

/**
 * With `gzip`, text files go out gzip-compressed to clients that accept it, as
 * every common static host (GitHub Pages, Netlify, S3 behind a CDN) serves
 * them; the bench's Lighthouse runs use it so that simulated slow 4G is
 * charged what a reader would download.
 */
export async function serve(root: string, {base = "/", extra = {} as Record<string, string>, gzip = false} = {}): Promise<StaticServer> {
  const server: Server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    if (pathname in extra) {
      response.writeHead(200, {"content-type": TYPES[".html"]}).end(extra[pathname]);
      return;
    }
    if (!pathname.startsWith(base)) return void response.writeHead(404).end("not found");
    const relativePath = normalize(pathname.slice(base.length - 1));
    if (relativePath.includes("..")) return void response.writeHead(400).end();
    const candidates = relativePath.endsWith("/")
      ? [join(root, relativePath, "index.html")]
      : [join(root, relativePath), join(root, `${relativePath}.html`)];
    for (const path of candidates) {
      if (await isFile(path)) {
        let body = await readFile(path);
        const headers: Record<string, string | number> = {"content-type": TYPES[extname(path)] ?? "application/octet-stream"};
        if (gzip && COMPRESSIBLE.has(extname(path)) && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) {
          body = gzipSync(body, {level: 6});
          headers["content-encoding"] = "gzip";
          headers["vary"] = "accept-encoding";
        }
        headers["content-length"] = body.length;
        response.writeHead(200, headers);
        return void response.end(body);
      }
    }
    response.writeHead(404, {"content-type": TYPES[".txt"]}).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const {port} = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${base}`,
    // A page still open (a host page in a test, a tab left behind) holds its connections: closing
    // them ends the server at once instead of waiting on the browser.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })
  };
}

/** Every HTML file of a built site, as full paths, sorted: what the build's rewriting steps walk. */
export async function htmlFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, {withFileTypes: true, recursive: true})) {
    if (entry.isFile() && entry.name.endsWith(".html")) files.push(join(entry.parentPath, entry.name));
  }
  return files.sort();
}

/** The file a clean URL path of `pagesOf` is served from. */
export function pageFile(dir: string, path: string): string {
  return join(dir, path.endsWith("/") ? `${path}index.html` : `${path}.html`);
}

/** Every page of a built site as a clean URL path ("/", "/deaths", "/embed/funnel"). */
export async function pagesOf(dir: string): Promise<string[]> {
  const pages: string[] = [];
  async function walk(folder: string): Promise<void> {
    for (const entry of await readdir(folder, {withFileTypes: true})) {
      if (entry.name.startsWith("_")) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith(".html")) pages.push("/" + relative(dir, path).replace(/\.html$/, "").replace(/(^|\/)index$/, "$1"));
    }
  }
  await walk(dir);
  return pages.sort();
}
