/**
 * The preview server, offline: fill Framework's npm cache from node_modules,
 * drop cached loader output so that the pages show data/ as it is now, then
 * start Framework's preview on 127.0.0.1:3000.
 *
 * Framework re-runs a loader, and pushes its new output to open pages, when the
 * loader file changes, but it does not know that loaders read data/ and the
 * pages. So an edit in data/ or in a page marks every loader as changed (a new
 * modification time, nothing written), and the open page updates without a restart.
 */
import {spawn} from "node:child_process";
import {watch} from "node:fs";
import {readdir, utimes} from "node:fs/promises";
import {join} from "node:path";
import {dataDir} from "../src/lib/factbase/factbase.js";
import {clearLoaderOutputs, forgetLoaderInputs, projectRoot} from "./export/loader-cache.js";
import {seedNpmCache} from "./export/seed-npm-cache.js";

/** The loaders of data files and of pages: every file under src/ that writes what it is named after. */
async function loaderFiles(): Promise<string[]> {
  const src = join(projectRoot, "src");
  // Parameterized loaders sit in folders of their own (data/pages/[page].json.ts).
  const inData = (await readdir(join(src, "data"), {recursive: true})).filter((name) => /\.\w+\.ts$/.test(name)).map((name) => join(src, "data", name));
  const pages = (await readdir(src)).filter((name) => /\.md\.ts$/.test(name)).map((name) => join(src, name));
  return [...inData, ...pages];
}

/** On an edit in data/, or in a page (whose data file holds what it names), every loader re-runs for the open pages. */
function rerunLoadersOnEdits(): void {
  let timer: NodeJS.Timeout | undefined;
  const rerun = (what: string) => {
    // An editor's save is often several events; one re-run is enough.
    clearTimeout(timer);
    timer = setTimeout(async () => {
      await forgetLoaderInputs();
      const now = new Date();
      for (const file of await loaderFiles()) await utimes(file, now, now);
      console.log(`${what} changed: loaders will re-run for open pages`);
    }, 150);
  };
  watch(dataDir(), () => rerun("data"));
  watch(join(projectRoot, "src"), (_, name) => {
    if (name?.endsWith(".md")) rerun(`src/${name}`);
  });
}

await seedNpmCache();
await clearLoaderOutputs();
const bin = join(projectRoot, "node_modules", ".bin", "observable");
const child = spawn(bin, ["preview", "--host", "127.0.0.1", "--port", process.env.PORT ?? "3000", "--no-open"], {
  cwd: projectRoot,
  stdio: "inherit",
  env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", PATH: `${join(projectRoot, "node_modules", ".bin")}:${process.env.PATH}`}
});
rerunLoadersOnEdits();
child.on("close", (code) => process.exit(code ?? 0));
