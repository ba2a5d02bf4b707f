/** A chart's source line in short (src/components/frame/source-line.ts): the publishers it rests on most, then a count. */
import {at} from "../../../src/lib/story/checked-lookups.js";
import assert from "node:assert/strict";
import {test} from "node:test";
import type {SourceRef} from "../../../src/lib/story/figures.js";
import {sourcesInShort} from "../../../src/components/frame/source-line.js";

const source = (id: string, publisher: string, kind: SourceRef["kind"] = "original reporting"): SourceRef => ({id, publisher, title: id, url: `https://example.org/${id}`, published: null, kind, copyOf: null, copy: null, standing: kind, credit: publisher});

test("names the strongest and most cited publishers first, then counts the other sources", () => {
  const sources = [
    source("copy", "profilpelajar.com (copy of a Wikipedia article)", "mirror"),
    source("hsj", "Health Service Journal"),
    source("cqc1", "Care Quality Commission", "primary document"),
    source("cqc2", "Care Quality Commission", "primary document"),
    source("blog", "A blog", "secondary")
  ];
  assert.equal(sourcesInShort(sources), "Care Quality Commission, Health Service Journal and 2 others");
  assert.equal(sourcesInShort(sources.slice(1, 3)), "Health Service Journal and Care Quality Commission");
  assert.equal(sourcesInShort([...sources.slice(1, 3), at(sources, 4, "sources")]), "Health Service Journal, Care Quality Commission and 1 other");
});
