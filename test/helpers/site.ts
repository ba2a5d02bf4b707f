/** The built site under test: dist/, as `npm test` builds it before the suites run. */
import {existsSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {pagesOf} from "../../scripts/static-server.js";

export const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
/** SHFT_DIST points the suites at another export (a copy built elsewhere). */
export const distDir = process.env.SHFT_DIST ?? join(projectRoot, "dist");

export function assertBuilt(): void {
  if (!existsSync(join(distDir, "index.html"))) throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
}

/** Every page of the export under test as a clean URL path. */
export function builtPages(dir = distDir): Promise<string[]> {
  return pagesOf(dir);
}
