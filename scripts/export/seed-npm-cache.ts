/**
 * Fills Observable Framework's npm cache from node_modules, so that builds and
 * the preview server never reach for the jsDelivr CDN or the npm registry.
 *
 * Framework serves an `npm:` import from `src/.observablehq/cache/_npm/<name>@<version>/`
 * and downloads it only when the file is missing; an unversioned import resolves
 * to the newest version folder already there. So we bundle each package the
 * pages use into that folder, and leave an empty folder for every library that
 * Framework's client merely names, which stops it asking the registry for a version.
 */
import {build} from "esbuild";
import {arrowWithoutEval} from "./arrow-without-eval.js";
import {createHash} from "node:crypto";
import {cp, mkdir, readdir, readFile, rm} from "node:fs/promises";
import {dirname, join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import {stampMatches, writeStamp} from "./stamps.js";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");
const npmCache = join(projectRoot, "src", ".observablehq", "cache", "_npm");

interface SeededPackage {
  name: string;
  /** Packages imported from their own cache folder rather than bundled in, so that one copy is shared. */
  shared?: string[];
  /** Files besides the module itself that pages load (WebAssembly, workers). */
  assets?: string[];
  /** Only these exports, so that the bundle leaves out what no page calls; all of them when absent. */
  exports?: () => Promise<string[]>;
  /** The module to bundle, when it is not the package's main one (a package with only subpath exports). */
  from?: string;
}

// apache-arrow is shared: Arrow tables made by FileAttachment.arrow() and by
// DuckDB-WASM must come from one copy of the library to be read by each other.
const SEEDED: SeededPackage[] = [
  // Plot is most of a story page's JavaScript: bundle only the functions the notebook calls.
  {name: "@observablehq/plot", exports: () => usedNamespaceFunctions("Plot")},
  {name: "@observablehq/inputs"},
  {name: "d3"},
  {name: "d3-dsv"},
  {name: "htl"},
  {name: "isoformat"},
  {name: "arquero"},
  {name: "apache-arrow"},
  // The SQL page's Parquet reader (pure JavaScript) and its decompressors (zstd, gzip, brotli, lz4),
  // loaded only when an analyst opens a Parquet file.
  {name: "hyparquet"},
  {name: "hyparquet-compressors"},
  // The SQL page's .xlsx reader, loaded only when an analyst opens a workbook; its browser-and-Node
  // entry, under a name of its own (the package's default export reads every sheet).
  {name: "read-excel-file", from: "read-excel-file/universal", exports: async () => ["default as readXlsxFile"]},
  {
    name: "@duckdb/duckdb-wasm",
    shared: ["apache-arrow"],
    assets: [
      "dist/duckdb-mvp.wasm",
      "dist/duckdb-eh.wasm",
      "dist/duckdb-browser-mvp.worker.js",
      "dist/duckdb-browser-eh.worker.js"
    ]
  }
];

/** How each package is bundled for the browser (the benchmark measures bundles the same way). */
export const BUNDLE_OPTIONS = {
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  legalComments: "none"
} as const;

// Libraries Framework's client refers to but this notebook never loads.
const UNUSED = [
  "lodash", "echarts", "react", "react-dom", "leaflet", "mapbox-gl", "topojson-client",
  "mermaid", "katex", "exceljs", "jszip", "vega", "vega-lite", "vega-lite-api",
  "@uwdata/vgplot", "@viz-js/viz", "sql.js", "parquet-wasm", "@observablehq/sample-datasets"
];
const UNUSED_VERSION = "0.0.0";

/**
 * The functions called as `Name.fn` anywhere in src/ (components and pages),
 * which is how every module here uses Plot. A function missing from the list
 * would fail loudly on the page (and in the build's render check), never silently.
 */
export async function usedNamespaceFunctions(namespace: string): Promise<string[]> {
  const pattern = new RegExp(`\\b${namespace}\\.([a-z]\\w*)\\b`, "g");
  const used = new Set<string>();
  for (const entry of await readdir(join(projectRoot, "src"), {recursive: true, withFileTypes: true})) {
    const path = join(entry.parentPath ?? entry.path, entry.name);
    if (!entry.isFile() || !/\.(ts|js|md)$/.test(entry.name) || path.includes(".observablehq")) continue;
    for (const [, name] of (await readFile(path, "utf8")).matchAll(pattern)) if (name !== undefined) used.add(name);
  }
  return [...used].sort();
}

// Read from the folder directly: some packages do not export their package.json.
function packageRoot(name: string): string {
  return join(projectRoot, "node_modules", name);
}

async function installedVersion(name: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(packageRoot(name), "package.json"), "utf8"));
  return manifest.version;
}

function versionFolder(name: string, version: string): string {
  return join(npmCache, `${name}@${version}`);
}

async function entryPoint({name, exports, from = name}: SeededPackage): Promise<string> {
  if (!exports) return `export * from ${JSON.stringify(from)};`;
  return `export {${(await exports()).join(", ")}} from ${JSON.stringify(from)};`;
}

async function seed(pkg: SeededPackage): Promise<void> {
  const {name, shared = [], assets = []} = pkg;
  const version = await installedVersion(name);
  const folder = versionFolder(name, version);
  const sharedPaths = new Map<string, string>();
  for (const dependency of shared) {
    const target = join(versionFolder(dependency, await installedVersion(dependency)), "_esm.js");
    sharedPaths.set(dependency, relative(folder, target));
  }
  await rm(folder, {recursive: true, force: true});
  await build({
    stdin: {contents: await entryPoint(pkg), resolveDir: projectRoot, loader: "js"},
    outfile: join(folder, "_esm.js"),
    ...BUNDLE_OPTIONS,
    logLevel: "warning",
    plugins: [
      arrowWithoutEval,
      {
        name: "shared-packages",
        setup(pluginBuild) {
          pluginBuild.onResolve({filter: /^[^./]/}, ({path}) => {
            const shared = sharedPaths.get(path);
            return shared ? {path: shared, external: true} : undefined;
          });
        }
      }
    ]
  });
  for (const asset of assets) {
    await mkdir(dirname(join(folder, asset)), {recursive: true});
    await cp(join(packageRoot(name), asset), join(folder, asset));
  }
}

/** What the seeded cache depends on: the installed packages, this script, and the exports chosen. */
async function seedStamp(): Promise<string> {
  const hash = createHash("sha256");
  hash.update(await readFile(join(projectRoot, "package-lock.json")));
  hash.update(await readFile(fileURLToPath(import.meta.url)));
  hash.update(await readFile(fileURLToPath(new URL("./arrow-without-eval.ts", import.meta.url))));
  for (const pkg of SEEDED) hash.update(await entryPoint(pkg));
  return hash.digest("hex");
}

export async function seedNpmCache(): Promise<void> {
  const stampPath = join(npmCache, ".seed-stamp");
  const stamp = await seedStamp();
  if (await stampMatches(stampPath, stamp)) {
    console.log(`npm cache already seeded (${relative(projectRoot, npmCache)})`);
    return;
  }
  await mkdir(npmCache, {recursive: true});
  for (const pkg of SEEDED) await seed(pkg);
  for (const name of UNUSED) await mkdir(versionFolder(name, UNUSED_VERSION), {recursive: true});
  await writeStamp(stampPath, stamp);
  console.log(`seeded ${SEEDED.length} packages into ${relative(projectRoot, npmCache)}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await seedNpmCache();
