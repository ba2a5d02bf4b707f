/**
 * A copy of the project for a test that builds with other input (changed
 * data, a theme, a malformed file) or runs the preview server. The project's
 * own dist/ and Framework caches are then never written while the browser
 * tests read them, and such tests can run beside each other.
 *
 * The copy is the project as the suite's build left it, sharing node_modules
 * and the repository's history (the landing page's dateline is dated from it):
 * with the seeded npm modules, the loaders' cached output and the build's
 * stamps, which the build reuses only where their inputs are the same (the
 * stamps hash files by their path inside the project, not where it is), so
 * a copy builds as fast as the project itself would.
 */
import {spawn} from "node:child_process";
import {cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {projectRoot} from "./site.js";

export interface ProjectCopy {
  root: string;
  /** Where `npm run build` in the copy exports to. */
  dist: string;
  remove(): void;
}

/** Everything but the installed packages, the exports and other tests' scratch folders. */
function copied(entry: string): boolean {
  return !["node_modules", "dist", ".git"].includes(entry) && !entry.startsWith(".test-") && !entry.startsWith("dist.");
}

/**
 * A copy of the project; with `pages`, a copy in which every other page of the site is a stub
 * (its title and a line): a test that builds reads a few pages, and a build of a few pages is
 * quicker, with every step of the build still run (the charts, embeds and images all drawn) and
 * every link between pages still leading somewhere.
 */
export function copyProject({pages}: {pages?: string[]} = {}): ProjectCopy {
  // Inside the project (its .gitignore lists .test-builds-*): the copy resolves packages as the project does.
  const scratch = mkdtempSync(join(projectRoot, ".test-builds-"));
  const root = join(scratch, "project");
  for (const entry of readdirSync(projectRoot).filter(copied)) cpSync(join(projectRoot, entry), join(root, entry), {recursive: true});
  symlinkSync(join(projectRoot, "node_modules"), join(root, "node_modules"));
  // The history too, read only: the landing page's dateline is dated from it, so a copy builds the same commit's bytes.
  symlinkSync(join(projectRoot, ".git"), join(root, ".git"));
  if (pages) stubPagesBut(root, pages);
  return {root, dist: join(root, "dist"), remove: () => rmSync(scratch, {recursive: true, force: true})};
}

/** A page of the site: a markdown file, or a page loader that writes one, at the top of src/. */
const PAGE_FILE = /^(.+)\.md(\.ts)?$/;

/** Makes every page of the copy but the landing page and `keep` (as "/deaths") a stub. */
function stubPagesBut(root: string, keep: string[]): void {
  const src = join(root, "src");
  const pages = readdirSync(src).flatMap((file) => {
    const name = PAGE_FILE.exec(file)?.[1];
    return name ? [[file, name] as const] : [];
  });
  const missing = keep.filter((path) => !pages.some(([, name]) => `/${name}` === path));
  if (missing.length > 0) throw new Error(`no page in src/ for ${missing.join(", ")}`);
  for (const [file, name] of pages) {
    if (name === "index" || keep.includes(`/${name}`)) continue;
    rmSync(join(src, file));
    writeFileSync(join(src, `${name}.md`), `---\ntitle: ${name}\n---\n\n# ${name}\n\nA stub: this copy builds other pages.\n`);
  }
}

export interface BuildResult {
  /** The exit code; null when the build was stopped by the time limit. */
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `npm run build` in a copy (into its dist/, or `out`); with `offline`, in a new
 * network namespace with only a loopback (for the build's own local server).
 * The limit only stops a build that hangs: a cold build takes about 1.5 min alone,
 * and took over 20 min with the machine's load average at 35.
 */
export function buildIn(copy: ProjectCopy, {offline = false, env = {}, out}: {offline?: boolean; env?: Record<string, string>; out?: string} = {}): Promise<BuildResult> {
  const command = ["node_modules/.bin/tsx", "scripts/build.ts", ...(out ? ["--out", out] : [])];
  const [bin, ...args] = offline ? ["unshare", "--net", "sh", "-c", 'ip link set lo up && exec "$@"', "build", ...command] : command;
  return new Promise((resolve, reject) => {
    const child = spawn(bin!, args, {cwd: copy.root, env: {...process.env, ...env}, timeout: 60 * 60_000});
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    // tsx passes the limit's SIGTERM on to the build and exits 143 (128 + 15).
    child.on("close", (status, signal) => resolve({status, stdout: stdout + (signal || status === 143 ? "\n(stopped: over the time limit)" : ""), stderr}));
  });
}
