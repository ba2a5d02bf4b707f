/**
 * The WOFF decoder: a real @fontsource file comes out as an sfnt whose tables
 * are the original ones (each matches the checksum the WOFF recorded for it
 * before compression), and anything that is not WOFF 1.0 is refused by name.
 */
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {test} from "node:test";
import {sfntChecksum, sfntFromWoff} from "../../../scripts/node/woff.js";
import {projectRoot} from "../../helpers/site.js";

const FILES = join(projectRoot, "node_modules", "@fontsource", "source-sans-3", "files");
const WOFF = join(FILES, "source-sans-3-latin-700-normal.woff");

const tag = (bytes: Uint8Array, at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));

test("a real woff decodes to an sfnt with every table intact", () => {
  const woff = readFileSync(WOFF);
  const sfnt = sfntFromWoff(woff, WOFF);
  assert.equal(sfnt.readUInt32BE(0), woff.readUInt32BE(4), "the sfnt version is the WOFF's flavor");
  assert.equal(sfnt.readUInt32BE(0), 0x00010000, "TrueType outlines");
  const numTables = sfnt.readUInt16BE(4);
  assert.equal(numTables, woff.readUInt16BE(12));
  // searchRange, entrySelector and rangeShift, for this many tables.
  const power = 2 ** Math.floor(Math.log2(numTables));
  assert.deepEqual([sfnt.readUInt16BE(6), sfnt.readUInt16BE(8), sfnt.readUInt16BE(10)], [power * 16, Math.log2(power), numTables * 16 - power * 16]);

  const originals = new Map<string, {checksum: number; length: number; compressed: boolean}>();
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    originals.set(tag(woff, at), {length: woff.readUInt32BE(at + 12), checksum: woff.readUInt32BE(at + 16), compressed: woff.readUInt32BE(at + 8) < woff.readUInt32BE(at + 12)});
  }
  const kinds = new Set([...originals.values()].map(({compressed}) => compressed));
  assert.equal(kinds.size, 2, "the file has both compressed and stored tables, so both are decoded here");
  const tags: string[] = [];
  let end = 12 + numTables * 16;
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16;
    const name = tag(sfnt, at);
    const [offset, length] = [sfnt.readUInt32BE(at + 8), sfnt.readUInt32BE(at + 12)];
    tags.push(name);
    assert.equal(offset % 4, 0, `'${name}' starts on a 4-byte boundary`);
    assert.equal(offset, end, `'${name}' follows the previous table and its padding`);
    end = offset + ((length + 3) & ~3);
    const original = originals.get(name);
    assert.ok(original, `'${name}' is one of the WOFF's tables`);
    assert.equal(length, original.length, `'${name}' has its original length`);
    const data = Buffer.from(sfnt.subarray(offset, offset + length));
    // A font's 'head' checksum is taken with its whole-font checksum adjustment set to zero.
    if (name === "head") data.writeUInt32BE(0, 8);
    assert.equal(sfntChecksum(data), original.checksum, `'${name}' matches the checksum the WOFF recorded`);
  }
  assert.equal(end, sfnt.length, "nothing after the last table's padding");
  assert.deepEqual(tags, [...tags].sort(), "the table records are sorted by tag");
  assert.equal(sfntChecksum(sfnt), 0xb1b0afba, "the whole font sums to OpenType's magic number, through head.checkSumAdjustment");
});

test("the checksum is the big-endian sum of zero-padded words", () => {
  assert.equal(sfntChecksum(Uint8Array.of(0, 0, 0, 1, 0, 0, 0, 2)), 3);
  assert.equal(sfntChecksum(Uint8Array.of(1)), 0x01000000);
  assert.equal(sfntChecksum(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0, 0, 0, 2)), 1, "modulo 2³²");
});

test("what is not WOFF 1.0 is refused with the file's name", () => {
  const woff2 = join(FILES, "source-sans-3-latin-700-normal.woff2");
  assert.throws(() => sfntFromWoff(readFileSync(woff2), woff2), (error: Error) => error.message.startsWith(`${woff2}: not a usable WOFF 1.0 font`) && /WOFF2/.test(error.message));
  assert.throws(() => sfntFromWoff(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'></svg>\n"), "logo.svg"), /^Error: logo\.svg: not a usable WOFF 1\.0 font: no "wOFF" signature/);
  assert.throws(() => sfntFromWoff(Buffer.from("wOFF"), "short.woff"), /^Error: short\.woff: .*shorter than the 44-byte header/);
  const truncated = readFileSync(WOFF).subarray(0, 2000);
  assert.throws(() => sfntFromWoff(truncated, "cut.woff"), /^Error: cut\.woff: .*length/);
});

test("a table that does not inflate is refused, naming the table", () => {
  const woff = Buffer.from(readFileSync(WOFF));
  const entries = Array.from({length: woff.readUInt16BE(12)}, (_, i) => 44 + i * 20);
  const at = entries.find((entry) => woff.readUInt32BE(entry + 8) < woff.readUInt32BE(entry + 12))!; // a compressed table's directory entry
  const [offset, compLength] = [woff.readUInt32BE(at + 4), woff.readUInt32BE(at + 8)];
  woff.fill(0, offset, offset + compLength);
  assert.throws(() => sfntFromWoff(woff, "broken.woff"), new RegExp(`^Error: broken\\.woff: .*table '${tag(woff, at)}' does not inflate`));
});
