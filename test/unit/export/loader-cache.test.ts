/**
 * The loader cache's stamp covers everything the loaders read, the package
 * lock and the story pages included, and cannot silently cover nothing.
 */
import assert from "node:assert/strict";
import {mkdtempSync, mkdirSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import {loaderInputFiles, loaderInputsDigest} from "../../../scripts/export/loader-cache.js";
import {storyPages} from "../../../src/lib/delivery/page-reads.js";

test("a changed package lock or data file changes the stamp; a missing input is an error", async () => {
  const dir = mkdtempSync(join(tmpdir(), "loader-inputs-"));
  try {
    const data = join(dir, "data");
    const lock = join(dir, "package-lock.json");
    mkdirSync(data);
    writeFileSync(join(data, "events.csv"), "event_id\na\n");
    writeFileSync(lock, '{"packages": {"node_modules/arquero": {"version": "8.0.3"}}}');
    const first = await loaderInputsDigest([data], [lock]);
    assert.equal(await loaderInputsDigest([data], [lock]), first, "the same inputs, the same stamp");
    writeFileSync(lock, '{"packages": {"node_modules/arquero": {"version": "8.0.4"}}}');
    const upgraded = await loaderInputsDigest([data], [lock]);
    assert.notEqual(upgraded, first, "a package upgrade changes the stamp");
    writeFileSync(join(data, "events.csv"), "event_id\nb\n");
    assert.notEqual(await loaderInputsDigest([data], [lock]), upgraded, "a data edit changes the stamp");
    await assert.rejects(loaderInputsDigest([join(dir, "gone")], [lock]), /cannot tell whether its output is current: .*gone not found/);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

test("the stamp covers every story page, whose data file holds what the page names", () => {
  const files = loaderInputFiles().map((file) => file.replace(/\\/g, "/"));
  assert.ok(files.some((file) => file.endsWith("/package-lock.json")));
  for (const page of storyPages()) assert.ok(files.some((file) => file.endsWith(`/src/${page}.md`)), page);
  assert.ok(storyPages().includes("deaths"));
});
