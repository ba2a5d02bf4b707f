import {at} from "../../src/lib/story/checked-lookups.js";
import assert from "node:assert/strict";
import {test} from "node:test";
import {DOWNLOADS, downloadLinks, externaliseDownloads} from "../../scripts/steps/download-links.js";
import {openPage} from "../../scripts/steps/document.js";
import {staticCharts} from "../../scripts/steps/static-charts.js";
import {context, drawings, fixture, markedCharts, run} from "./helpers.js";

const csv = "\uFEFFid,amount\r\nfine,£125,000\r\n";
const link = `<a class="chart-download" download="fines.csv" href="data:text/csv;charset=utf-8,${encodeURIComponent(csv)}">Get the data (CSV)</a>`;
const page = (body: string) => openPage(`<!DOCTYPE html><html><head></head><body>${body}</body></html>`);

test("a data: CSV link becomes one file named by its content, linked relative to the page", () => {
  const document = page(`<p>${link}</p><p>${link}</p>`);
  const {files, links} = externaliseDownloads(document, 1);
  assert.equal(links, 2);
  assert.equal(files.size, 1, "the same data twice is one file");
  const [path, text] = at([...files], 0, "files");
  assert.equal(text, csv, "the file holds the CSV as the link did, byte-order mark and £ included");
  assert.match(path, new RegExp(`^${DOWNLOADS}/fines\\.[0-9a-f]{8}\\.csv$`));
  assert.deepEqual([...document.querySelectorAll("a")].map((a) => a.getAttribute("href")), [`../${path}`, `../${path}`]);
  const root = page(link);
  externaliseDownloads(root, 0);
  assert.match(root.querySelector("a")!.getAttribute("href")!, new RegExp(`^\\./${DOWNLOADS}/`), "a page at the root links with ./");
});

test("different data under one name are different files; a page without data links is unchanged", () => {
  const other = link.replace(encodeURIComponent("£125,000"), encodeURIComponent("£2,000,000"));
  assert.equal(externaliseDownloads(page(link + other), 0).files.size, 2);
  assert.deepEqual(externaliseDownloads(page(`<a href="./sources">Sources</a>`), 0), {files: new Map(), links: 0});
});

test("a malformed data link stops the build", () => {
  assert.throws(() => externaliseDownloads(page(`<a download="x.csv" href="data:text/csv;charset=utf-8,%E0%A4%A">x</a>`), 0), /x\.csv.*malformed/);
  assert.throws(() => externaliseDownloads(page(`<a href="data:text/csv;charset=utf-8,a">x</a>`), 0), /a CSV link without a download name/);
});

test("on a story page, the charts' links become files the build writes; a chart without one stops the build", async () => {
  const html = fixture("deaths.html");
  const build = context({charts: drawings(markedCharts(html))});
  const {document} = await run([staticCharts, downloadLinks], html, "deaths.html", build);
  assert.equal(build.files.size, markedCharts(html).length);
  assert.equal(document.querySelector('a[href^="data:"]'), null);
  const bare = context({charts: new Map([...drawings(markedCharts(html))].map(([id, d]) => [id, {...d, pageHtml: "<figure></figure>"}]))});
  await assert.rejects(run([staticCharts, downloadLinks], html, "deaths.html", bare), /charts drawn at build but no CSV link/);
});
