/**
 * WOFF 1.0 to plain sfnt (TrueType or OpenType bytes). @fontsource ships its
 * fonts only as woff and woff2, and resvg, which rasterises the chart images,
 * reads neither; WOFF 1.0 is a thin zlib wrapper around the sfnt tables, so
 * node:zlib undoes it without a font library.
 * https://www.w3.org/TR/WOFF/
 */
import {inflateSync} from "node:zlib";

const WOFF_SIGNATURE = 0x774f4646; // "wOFF"
const WOFF_HEADER = 44;
const WOFF_ENTRY = 20;
const SFNT_HEADER = 12;
const SFNT_RECORD = 16;
/** OpenType: head.checkSumAdjustment = this minus the checksum of the whole font. */
const CHECKSUM_MAGIC = 0xb1b0afba;

/** The sfnt checksum: the sum of the data as big-endian uint32s, zero-padded to 4 bytes, modulo 2³². */
export function sfntChecksum(data: Uint8Array): number {
  const padded = new Uint8Array(data.length + ((4 - (data.length % 4)) % 4));
  padded.set(data);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

const align4 = (n: number) => (n + 3) & ~3;

/** The font inside a WOFF 1.0 file; `file` names it in errors. */
export function sfntFromWoff(woff: Uint8Array, file: string): Buffer {
  const fail = (what: string): never => {
    throw new Error(`${file}: not a usable WOFF 1.0 font: ${what}`);
  };
  if (woff.length < WOFF_HEADER) fail(`${woff.length} bytes, shorter than the ${WOFF_HEADER}-byte header`);
  const input = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  const signature = input.getUint32(0);
  if (signature !== WOFF_SIGNATURE) {
    fail(signature === 0x774f4632 ? "it is WOFF2 (Brotli-compressed); use the .woff file beside it" : `no "wOFF" signature at its start`);
  }
  const flavor = input.getUint32(4);
  if (input.getUint32(8) !== woff.length) fail(`its header gives a length of ${input.getUint32(8)} bytes, the file has ${woff.length}`);
  const numTables = input.getUint16(12);
  if (numTables === 0) fail("no tables");
  if (WOFF_HEADER + numTables * WOFF_ENTRY > woff.length) fail(`its directory of ${numTables} tables runs past the end`);

  const tables = Array.from({length: numTables}, (_, i) => {
    const at = WOFF_HEADER + i * WOFF_ENTRY;
    const field = (offset: number) => input.getUint32(at + offset);
    const [tag, offset, compLength, origLength, checksum] = [field(0), field(4), field(8), field(12), field(16)];
    const name = String.fromCharCode(tag >>> 24, (tag >>> 16) & 0xff, (tag >>> 8) & 0xff, tag & 0xff);
    if (offset + compLength > woff.length) fail(`table '${name}' runs past the end`);
    if (compLength > origLength) fail(`table '${name}' is longer compressed (${compLength}) than not (${origLength})`);
    const stored = woff.subarray(offset, offset + compLength);
    let data: Uint8Array = stored;
    if (compLength < origLength) {
      try {
        data = inflateSync(stored);
      } catch (error) {
        fail(`table '${name}' does not inflate (${(error as Error).message})`);
      }
    }
    if (data.length !== origLength) fail(`table '${name}' inflates to ${data.length} bytes, not ${origLength}`);
    return {tag, name, checksum, data};
  });
  // The sfnt directory is sorted by tag (fonts' binary searches rely on it); WOFF requires the same, but a sort costs nothing.
  tables.sort((a, b) => a.tag - b.tag);

  const power = 2 ** Math.floor(Math.log2(numTables));
  let offset = SFNT_HEADER + numTables * SFNT_RECORD;
  const placed = tables.map((table) => {
    const at = offset;
    offset += align4(table.data.length);
    return {...table, at};
  });
  const sfnt = Buffer.alloc(offset);
  sfnt.writeUInt32BE(flavor, 0);
  sfnt.writeUInt16BE(numTables, 4);
  sfnt.writeUInt16BE(power * 16, 6); // searchRange
  sfnt.writeUInt16BE(Math.log2(power), 8); // entrySelector
  sfnt.writeUInt16BE(numTables * 16 - power * 16, 10); // rangeShift
  placed.forEach(({tag, checksum, data, at}, i) => {
    const record = SFNT_HEADER + i * SFNT_RECORD;
    sfnt.writeUInt32BE(tag, record);
    sfnt.writeUInt32BE(checksum, record + 4);
    sfnt.writeUInt32BE(at, record + 8);
    sfnt.writeUInt32BE(data.length, record + 12);
    sfnt.set(data, at); // the padding after it stays zero, as the format requires
  });
  // The whole-font checksum in 'head' was the original file's; tables now sit at other offsets, so it is made anew.
  const head = placed.find((table) => table.name === "head");
  if (head && head.data.length >= 12) {
    sfnt.writeUInt32BE(0, head.at + 8);
    sfnt.writeUInt32BE((CHECKSUM_MAGIC - sfntChecksum(sfnt)) >>> 0, head.at + 8);
  }
  return sfnt;
}
