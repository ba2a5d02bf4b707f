/** The built site under test: dist/, as `npm test` builds it before the suites run. */
import {existsSync} from "node:fs";
import {readdir} from "node:fs/promises";
import {join, relative} from "node:path";
import {fileURLToPath} from "node:url";

export const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
/** SHFT_DIST points the suites at another export (a copy built elsewhere). */
export const distDir = process.env.SHFT_DIST ?? join(projectRoot, "dist");

export function assertBuilt(): void {
  if (!existsSync(join(distDir, "index.html"))) throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
}

/** Every page of the export as a clean URL path ("/", "/deaths", "/embed/funnel"). */
export async function builtPages(dir = distDir): Promise<string[]> {
  const pages: string[] = [];
  async function walk(folder: string): Promise<void> {
    for (const entry of await readdir(folder, {withFileTypes: true})) {
      if (entry.name.startsWith("_")) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith(".html")) {
        const page = "/" + relative(dir, path).replace(/\.html$/, "").replace(/(^|\/)index$/, "$1");
        pages.push(page);
      }
    }
  }
  await walk(dir);
  return pages.sort();
}
