/**
 * Editors' promise for embeds: each transfers at most 40 KB gzip-compressed in
 * all, its page and every file it loads. A byte count, not a timing: read from
 * the export (dist/, built before the suites run), so it fails the same way on
 * any machine. The benchmark measures the same thing in a browser.
 */
import assert from "node:assert/strict";
import {join} from "node:path";
import {test} from "node:test";
import {EMBEDDABLE_CHARTS} from "../../src/components/charts/chart-registry.js";
import {EMBED_GZIP_BUDGET, embedWeight} from "../../scripts/export/embed-weight.js";
import {assertBuilt, distDir} from "../helpers/site.js";

test("every embed transfers at most 40 KB gzip-compressed, page and files together", () => {
  assertBuilt();
  const over: string[] = [];
  for (const {id} of EMBEDDABLE_CHARTS) {
    const weight = embedWeight(distDir, join(distDir, "embed", `${id}.html`));
    assert.deepEqual(weight.missing, [], `embed ${id} refers to files the export does not have`);
    if (weight.gzipBytes > EMBED_GZIP_BUDGET) over.push(`${id}: ${weight.gzipBytes} bytes (${weight.files.map((f) => `${f.path} ${f.gzipBytes}`).join(", ")})`);
  }
  assert.deepEqual(over, [], `over the budget of ${EMBED_GZIP_BUDGET} bytes`);
});

test("the weight counts what a page loads, and not the links a reader may follow", async () => {
  const {mkdtemp, mkdir, writeFile} = await import("node:fs/promises");
  const {tmpdir} = await import("node:os");
  const site = await mkdtemp(join(tmpdir(), "embed-weight-"));
  await mkdir(join(site, "embed"));
  await mkdir(join(site, "_fonts"));
  await writeFile(join(site, "_fonts", "a.woff2"), Buffer.alloc(3000, 7));
  await writeFile(join(site, "embed", "style.css"), `@font-face{src:url("../_fonts/a.woff2")}`);
  await writeFile(join(site, "embed", "child.js"), "console.log(1)");
  await writeFile(
    join(site, "embed", "chart.html"),
    `<link rel="stylesheet" href="style.css"><style>@font-face{src:url(../_fonts/a.woff2)}</style><script src="child.js"></script><img src="data:,x"><a href="../sources">sources</a><a href="../data.csv" download>data</a><img src="gone.png">`
  );
  const weight = embedWeight(site, join(site, "embed", "chart.html"));
  assert.deepEqual(weight.files.map((f) => f.path).sort(), ["_fonts/a.woff2", "embed/chart.html", "embed/child.js", "embed/style.css"]);
  assert.equal(weight.gzipBytes, weight.files.reduce((sum, f) => sum + f.gzipBytes, 0));
  assert.deepEqual(weight.missing, ["embed/chart.html: gone.png"]);
});
