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
import {cp, mkdir, readFile, rm} from "node:fs/promises";
import {dirname, join, relative} from "node:path";
import {fileURLToPath} from "node:url";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const npmCache = join(projectRoot, "src", ".observablehq", "cache", "_npm");

interface SeededPackage {
  name: string;
  /** Packages imported from their own cache folder rather than bundled in, so that one copy is shared. */
  shared?: string[];
  /** Files besides the module itself that pages load (WebAssembly, workers). */
  assets?: string[];
}

// apache-arrow is shared: Arrow tables made by FileAttachment.arrow() and by
// DuckDB-WASM must come from one copy of the library to be read by each other.
const SEEDED: SeededPackage[] = [
  {name: "@observablehq/plot"},
  {name: "@observablehq/inputs"},
  {name: "d3"},
  {name: "d3-dsv"},
  {name: "htl"},
  {name: "isoformat"},
  {name: "arquero"},
  {name: "apache-arrow"},
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

// Libraries Framework's client refers to but this notebook never loads.
const UNUSED = [
  "lodash", "echarts", "react", "react-dom", "leaflet", "mapbox-gl", "topojson-client",
  "mermaid", "katex", "exceljs", "jszip", "vega", "vega-lite", "vega-lite-api",
  "@uwdata/vgplot", "@viz-js/viz", "sql.js", "parquet-wasm", "@observablehq/sample-datasets"
];
const UNUSED_VERSION = "0.0.0";

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

async function seed({name, shared = [], assets = []}: SeededPackage): Promise<void> {
  const version = await installedVersion(name);
  const folder = versionFolder(name, version);
  const sharedPaths = new Map<string, string>();
  for (const dependency of shared) {
    const target = join(versionFolder(dependency, await installedVersion(dependency)), "_esm.js");
    sharedPaths.set(dependency, relative(folder, target));
  }
  await rm(folder, {recursive: true, force: true});
  await build({
    stdin: {contents: `export * from ${JSON.stringify(name)};`, resolveDir: projectRoot, loader: "js"},
    outfile: join(folder, "_esm.js"),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    logLevel: "warning",
    plugins: [
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

export async function seedNpmCache(): Promise<void> {
  await mkdir(npmCache, {recursive: true});
  for (const pkg of SEEDED) await seed(pkg);
  for (const name of UNUSED) await mkdir(versionFolder(name, UNUSED_VERSION), {recursive: true});
  console.log(`seeded ${SEEDED.length} packages into ${relative(projectRoot, npmCache)}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await seedNpmCache();
