import assert from "node:assert/strict";
import {test} from "node:test";
import {DOWNLOADS, externaliseDownloads} from "../../scripts/download-links.js";

const csv = "\uFEFFid,amount\r\nfine,£125,000\r\n";
const link = `<a class="chart-download" download="fines.csv" href="data:text/csv;charset=utf-8,${encodeURIComponent(csv)}">Get the data (CSV)</a>`;

test("a data: CSV link becomes one file named by its content, linked relative to the page", () => {
  const {html, files} = externaliseDownloads(`<p>${link}</p><p>${link}</p>`, "embed/fines.html");
  assert.equal(files.length, 1, "the same data twice is one file");
  assert.equal(files[0].text, csv, "the file holds the CSV as the link did, byte-order mark and £ included");
  assert.match(files[0].path, new RegExp(`^${DOWNLOADS}/fines\\.[0-9a-f]{8}\\.csv$`));
  assert.equal(html.match(new RegExp(`href="\\.\\./${files[0].path.replace(/\./g, "\\.")}"`, "g"))?.length, 2);
  assert.doesNotMatch(html, /data:text\/csv/);
  assert.match(externaliseDownloads(link, "deaths.html").html, new RegExp(`href="\\./${DOWNLOADS}/`), "a page at the root links with ./");
});

test("different data under one name are different files; a page without data links is unchanged", () => {
  const other = link.replace(encodeURIComponent("£125,000"), encodeURIComponent("£2,000,000"));
  const {files} = externaliseDownloads(link + other, "deaths.html");
  assert.equal(new Set(files.map((f) => f.path)).size, 2);
  const plain = `<a href="./sources">Sources</a>`;
  assert.deepEqual(externaliseDownloads(plain, "deaths.html"), {html: plain, files: []});
});

test("a malformed data link stops the build, naming the page", () => {
  assert.throws(() => externaliseDownloads(`<a download="x.csv" href="data:text/csv;charset=utf-8,%E0%A4%A">x</a>`, "deaths.html"), /deaths\.html: .*x\.csv.*malformed/);
  assert.throws(() => externaliseDownloads(`<a href="data:text/csv;charset=utf-8,a">x</a>`, "deaths.html"), /deaths\.html: a CSV link without a download name/);
});
