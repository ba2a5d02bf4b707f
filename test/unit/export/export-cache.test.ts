import assert from "node:assert/strict";
import {mkdtempSync, rmSync, writeFileSync, mkdirSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import {alreadyFinished, rememberFinished} from "../../../scripts/export/export-cache.js";
import {hashFolders} from "../../../scripts/export/stamps.js";

test("a rebuild keeps the output only when its inputs match and the output is still the export they made", async () => {
  const scratch = mkdtempSync(join(tmpdir(), "export-cache-"));
  try {
    const output = join(scratch, "dist");
    const stamp = join(scratch, "stamp.json");
    mkdirSync(output);
    writeFileSync(join(output, "index.html"), "<p>10,306</p>");
    assert.equal(await alreadyFinished(output, "inputs-1", stamp), false, "no stamp yet");
    await rememberFinished(output, "inputs-1", await hashFolders([output]), stamp);
    assert.equal(await alreadyFinished(output, "inputs-1", stamp), true, "same inputs, same output");
    assert.equal(await alreadyFinished(output, "inputs-2", stamp), false, "changed inputs");
    assert.equal(await alreadyFinished(join(scratch, "elsewhere"), "inputs-1", stamp), false, "another output folder");
    writeFileSync(join(output, "index.html"), "<p>10,307</p>");
    assert.equal(await alreadyFinished(output, "inputs-1", stamp), false, "the output was edited since");
  } finally {
    rmSync(scratch, {recursive: true, force: true});
  }
});
