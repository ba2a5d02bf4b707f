/**
 * The characters an sfnt font has glyphs for, from its Unicode cmap subtable
 * of format 4, which every font with a Unicode cmap has. The chart images need
 * it because resvg falls back to other fonts per text element, not per
 * character (chart-images.ts). Format 4 covers the Basic Multilingual Plane
 * only: a character beyond it counts as missing, and its text is then drawn in
 * the system's fonts, which is the safe side.
 * https://learn.microsoft.com/typography/opentype/spec/cmap
 */

/** Code points with a glyph other than .notdef; `file` names the font in errors. */
export function fontCharacters(sfnt: Uint8Array, file: string): Set<number> {
  const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const fail = (what: string): never => {
    throw new Error(`${file}: ${what}`);
  };
  const numTables = view.getUint16(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    const record = 12 + i * 16;
    if (view.getUint32(record) === 0x636d6170) cmap = view.getUint32(record + 8); // "cmap"
  }
  if (cmap < 0) fail("the font has no cmap table");
  // A Unicode subtable: platform 0 (Unicode), or 3 (Windows) with encoding 1 (BMP) or 10 (full).
  let at = -1;
  for (let i = 0; i < view.getUint16(cmap + 2) && at < 0; i++) {
    const record = cmap + 4 + i * 8;
    const [platform, encoding] = [view.getUint16(record), view.getUint16(record + 2)];
    const table = cmap + view.getUint32(record + 4);
    if ((platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))) && view.getUint16(table) === 4) at = table;
  }
  if (at < 0) fail("the font has no Unicode cmap subtable of format 4");
  const characters = new Set<number>();
  const segments = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let s = 0; s < segments; s++) {
    const [start, end] = [view.getUint16(starts + 2 * s), view.getUint16(ends + 2 * s)];
    const delta = view.getUint16(deltas + 2 * s);
    const rangeOffset = view.getUint16(rangeOffsets + 2 * s);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      // With a range offset, the glyph index is read from the glyph array that follows, relative to this very field.
      const raw = rangeOffset === 0 ? c : view.getUint16(rangeOffsets + 2 * s + rangeOffset + 2 * (c - start));
      const glyph = rangeOffset !== 0 && raw === 0 ? 0 : (raw + delta) & 0xffff;
      if (glyph !== 0) characters.add(c);
    }
  }
  return characters;
}
