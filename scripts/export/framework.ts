/**
 * Runs Observable Framework's own build into a folder, offline and without telemetry; resolves with
 * its exit code and the broken links it reported. Framework only warns of a link to a page or an
 * element id that does not exist; the build script refuses the export for it.
 */
import {spawn} from "node:child_process";
import {join} from "node:path";
import {projectRoot} from "./loader-cache.js";

export interface FrameworkRun {
  code: number;
  /** "page → target", as Framework lists them under its warning ("↳ /crisis-2016 → /timeline#x"). */
  brokenLinks: string[];
}

/** The broken links in Framework's output: the lines it prints under "Warning: N broken links". */
export function brokenLinksIn(output: string): string[] {
  const plain = output.replace(/\x1b\[[0-9;]*m/g, "");
  return [...plain.matchAll(/^↳ (\S+) → (\S+)$/gmu)].map(([, page, target]) => `${page} → ${target}`);
}

export function runFramework(output: string): Promise<FrameworkRun> {
  const bin = join(projectRoot, "node_modules", ".bin", "observable");
  return new Promise((resolvePromise, reject) => {
    const child = spawn(bin, ["build"], {
      cwd: projectRoot,
      // The output is passed on as it comes, and read for the broken links.
      stdio: ["inherit", "pipe", "inherit"],
      env: {
        ...process.env,
        OBSERVABLE_OUTPUT: output,
        OBSERVABLE_TELEMETRY_DISABLE: "true",
        PATH: `${join(projectRoot, "node_modules", ".bin")}:${process.env.PATH}`
      }
    });
    let printed = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      process.stdout.write(chunk);
      printed += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({code: code ?? 1, brokenLinks: brokenLinksIn(printed)}));
  });
}
