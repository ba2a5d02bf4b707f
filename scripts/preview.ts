/**
 * The preview server, offline: fill Framework's npm cache from node_modules,
 * drop cached loader output so that the pages show data/ as it is now, then
 * start Framework's preview on 127.0.0.1:3000. Restart it after editing data/.
 */
import {spawn} from "node:child_process";
import {join} from "node:path";
import {clearLoaderOutputs, projectRoot} from "./loader-cache.js";
import {seedNpmCache} from "./seed-npm-cache.js";

await seedNpmCache();
await clearLoaderOutputs();
const bin = join(projectRoot, "node_modules", ".bin", "observable");
const child = spawn(bin, ["preview", "--host", "127.0.0.1", "--port", process.env.PORT ?? "3000", "--no-open"], {
  cwd: projectRoot,
  stdio: "inherit",
  env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", PATH: `${join(projectRoot, "node_modules", ".bin")}:${process.env.PATH}`}
});
child.on("close", (code) => process.exit(code ?? 0));
