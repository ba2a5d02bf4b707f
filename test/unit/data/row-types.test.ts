/**
 * src/lib/factbase/rows.ts is generated from data/datapackage.json: the committed file
 * must be what the generator writes now, and it must type each field as the
 * descriptor constrains it.
 */
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {test} from "node:test";
import {readDescriptor} from "../../../scripts/tools/data-dictionary.js";
import {ROW_TYPES_PATH, renderRowTypes, typeName} from "../../../scripts/tools/row-types.js";

test("src/lib/factbase/rows.ts is up to date with data/datapackage.json (run `npm run docs:data` if not)", () => {
  assert.ok(readFileSync(ROW_TYPES_PATH, "utf8") === renderRowTypes(readDescriptor()), "src/lib/factbase/rows.ts is stale: run `npm run docs:data`");
});

test("a required field is never null, an optional one may be, and an enum is its values", () => {
  const descriptor = readDescriptor();
  const text = renderRowTypes(descriptor);
  for (const resource of descriptor.resources) {
    const block = text.split(`export type ${typeName(resource.name)} = {`)[1]?.split("};")[0];
    assert.ok(block, `no type for ${resource.name}`);
    for (const field of resource.schema.fields) {
      const line: string | undefined = block.split("\n").find((l) => l.trim().startsWith(`${field.name}:`));
      assert.ok(line, `${resource.name}.${field.name} is missing`);
      assert.equal(line.includes("| null"), !field.constraints?.required, `${resource.name}.${field.name}: nullability`);
      for (const value of field.constraints?.enum ?? []) assert.ok(line.includes(JSON.stringify(value)), `${resource.name}.${field.name}: ${value}`);
    }
  }
});
