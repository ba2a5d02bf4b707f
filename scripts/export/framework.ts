/** Runs Observable Framework's own build into a folder, offline and without telemetry; resolves with its exit code. */
import {spawn} from "node:child_process";
import {join} from "node:path";
import {projectRoot} from "./loader-cache.js";

export function runFramework(output: string): Promise<number> {
  const bin = join(projectRoot, "node_modules", ".bin", "observable");
  return new Promise((resolvePromise, reject) => {
    const child = spawn(bin, ["build"], {
      cwd: projectRoot,
      stdio: "inherit",
      env: {
        ...process.env,
        OBSERVABLE_OUTPUT: output,
        OBSERVABLE_TELEMETRY_DISABLE: "true",
        PATH: `${join(projectRoot, "node_modules", ".bin")}:${process.env.PATH}`
      }
    });
    child.on("error", reject);
    child.on("close", (code) => resolvePromise(code ?? 1));
  });
}
