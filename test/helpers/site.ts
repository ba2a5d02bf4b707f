/** The built site under test: dist/, as `npm test` builds it before the suites run. */
import {existsSync, readdirSync, statSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {pagesOf} from "../../scripts/export/static-server.js";

export const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
/** SHFT_DIST points the suites at another export (a copy built elsewhere). */
export const distDir = process.env.SHFT_DIST ?? join(projectRoot, "dist");

export function assertBuilt(): void {
  if (!existsSync(join(distDir, "index.html"))) throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
}

/**
 * What dist/ holds, file by file (size and modification time): the browser
 * tests read it in parallel, so nothing may write into it while they run.
 */
export function distSnapshot(dir = distDir): string {
  const files = readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      const {size, mtimeMs} = statSync(path);
      return `${path.slice(dir.length)} ${size} ${mtimeMs}`;
    });
  return files.sort().join("\n");
}

/** Every page of the export under test as a clean URL path. */
export function builtPages(dir = distDir): Promise<string[]> {
  return pagesOf(dir);
}
