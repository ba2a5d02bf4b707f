/**
 * The characters a font draws, read from its cmap: what @fontsource's latin
 * subset promises in its CSS (unicode-range) is there, and nothing beyond it.
 */
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {test} from "node:test";
import {fontCharacters} from "../../../scripts/node/cmap.js";
import {sfntFromWoff} from "../../../scripts/node/woff.js";
import {projectRoot} from "../../helpers/site.js";

const FILES = join(projectRoot, "node_modules", "@fontsource", "source-sans-3", "files");
const decoded = (file: string) => sfntFromWoff(readFileSync(join(FILES, file)), file);

test("the latin subset draws Latin-1 and the punctuation its CSS names, and no Greek or arrow to the right", () => {
  const characters = fontCharacters(decoded("source-sans-3-latin-400-normal.woff"), "latin-400");
  for (let c = 0x20; c <= 0x7e; c++) assert.ok(characters.has(c), `U+${c.toString(16)}`);
  for (const c of "£é–—’…−↑") assert.ok(characters.has(c.codePointAt(0)!), c);
  for (const c of "→ΔЖ") assert.ok(!characters.has(c.codePointAt(0)!), `not ${c}`);
  // Its unicode-range (latin-400.css) spans 0–FF, 2000–206F and a few more; the font has glyphs for part of it.
  assert.ok(characters.size > 200 && characters.size < 400, `${characters.size} characters`);
});

test("the Greek subset draws Greek", () => {
  const characters = fontCharacters(decoded("source-sans-3-greek-400-normal.woff"), "greek-400");
  for (const c of "ΔΩλ") assert.ok(characters.has(c.codePointAt(0)!), c);
});

test("a font without a cmap table is refused by name", () => {
  const sfnt = Buffer.from(decoded("source-sans-3-latin-400-normal.woff"));
  for (let i = 0; i < sfnt.readUInt16BE(4); i++) {
    if (sfnt.toString("latin1", 12 + i * 16, 16 + i * 16) === "cmap") sfnt.write("xmap", 12 + i * 16, "latin1");
  }
  assert.throws(() => fontCharacters(sfnt, "odd.ttf"), /^Error: odd\.ttf: the font has no cmap table/);
});

test("a character mapped through the glyph array to glyph 0 counts as missing", () => {
  // @fontsource's files have no such hole, so a font is made here: one cmap table, format 4, with
  // A–C through the glyph array [5, 0, 7] (B has no glyph), and D–E by delta (to glyphs 8 and 9).
  const words = [
    ...[0, 1, 3, 1, 0, 12], // cmap: version, one subtable, Windows BMP, at offset 12 (high, low word)
    ...[4, 46, 0, 6, 4, 1, 2], // format 4, length, language, segCountX2, searchRange, entrySelector, rangeShift
    ...[0x43, 0x45, 0xffff, 0], // endCode, reservedPad
    ...[0x41, 0x44, 0xffff], // startCode
    ...[0, 8 - 0x44, 1].map((delta) => delta & 0xffff), // idDelta
    ...[6, 0, 0], // idRangeOffset: from the first one to the glyph array, three words on
    ...[5, 0, 7] // glyphIdArray
  ];
  const cmap = Buffer.alloc(words.length * 2);
  words.forEach((word, i) => cmap.writeUInt16BE(word, i * 2));
  const sfnt = Buffer.concat([Buffer.from([0, 1, 0, 0, 0, 1, 0, 16, 0, 0, 0, 0]), Buffer.from("cmap", "latin1"), Buffer.alloc(4), Buffer.from([0, 0, 0, 28]), Buffer.alloc(4), cmap]);
  sfnt.writeUInt32BE(cmap.length, 24);
  assert.deepEqual([...fontCharacters(sfnt, "made.ttf")].sort(), [0x41, 0x43, 0x44, 0x45]);
});
