/**
 * docs/data-dictionary.md is generated from data/datapackage.json: the
 * committed file must be what the generator writes now, and the generator
 * must say what the descriptor says.
 */
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {describe, test} from "node:test";
import {DATA_DICTIONARY_PATH, readDescriptor, renderDataDictionary} from "../../../scripts/tools/data-dictionary.js";

describe("docs/data-dictionary.md", () => {
  test("is up to date with data/datapackage.json (run `npm run docs:data` if not)", () => {
    const committed = readFileSync(DATA_DICTIONARY_PATH, "utf8");
    assert.ok(committed === renderDataDictionary(readDescriptor()), "docs/data-dictionary.md is stale: run `npm run docs:data`");
  });

  test("has a section for every table, with a row for every field", () => {
    const descriptor = readDescriptor();
    const text = renderDataDictionary(descriptor);
    const sections = text.split(/^## /m);
    for (const resource of descriptor.resources) {
      const section = sections.find((s) => s.startsWith(`\`${resource.name}\`:`));
      assert.ok(section, `no section for ${resource.name}`);
      assert.ok(section.includes(`- File: \`data/${resource.path}\``), `${resource.name}: file`);
      for (const field of resource.schema.fields) {
        assert.ok(section.includes(`\n| \`${field.name}\` | ${field.type}`), `${resource.name}.${field.name} has no row`);
        for (const value of field.constraints?.enum ?? []) assert.ok(section.includes(`\`${value}\``), `${resource.name}.${field.name}: allowed value ${value}`);
      }
    }
  });

  test("follows the descriptor: a new field, enum value, range and key show up", () => {
    const descriptor = readDescriptor();
    const claims = descriptor.resources.find((r) => r.name === "claims")!;
    claims.schema.fields.push({name: "confidence", type: "integer", description: "How sure we are | on a scale.", constraints: {required: true, minimum: 1, maximum: 5}});
    claims.schema.foreignKeys = [...(claims.schema.foreignKeys ?? []), {fields: "claimant", reference: {resource: "sources", fields: "publisher"}}];
    const text = renderDataDictionary(descriptor);
    assert.ok(text.includes("| `confidence` | integer | yes | 1 to 5 | How sure we are \\| on a scale. |"), "field row, with the pipe escaped");
    assert.ok(text.includes("  - `claimant` → `sources`.`publisher`"));
    assert.notEqual(text, renderDataDictionary(readDescriptor()));
  });

  test("lists the licences and the status vocabulary with what each status allows", () => {
    const text = renderDataDictionary(readDescriptor());
    assert.match(text, /## Licences\n\n- Data: \[Creative Commons Attribution 4\.0 \(`CC-BY-4\.0`\)\]\(https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/\)/);
    for (const status of ["final", "secondary", "draft", "superseded", "unconfirmed"]) {
      assert.match(text, new RegExp(`^\\| \`${status}\` \\| [^|]+ \\| [^|]+ \\|$`, "m"), status);
    }
  });

  test("refuses a status the descriptor does not define", () => {
    const descriptor = readDescriptor();
    for (const resource of descriptor.resources) {
      const status = resource.schema.fields.find((f) => f.name === "status");
      status?.constraints?.enum?.push("rumour");
    }
    assert.throws(() => renderDataDictionary(descriptor), /does not say what 'rumour' means/);
  });
});
