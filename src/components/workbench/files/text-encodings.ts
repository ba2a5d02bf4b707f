/**
 * Which character encoding a text file is in, told from its bytes, and the
 * encodings an analyst can choose instead. Spreadsheets write CSV in several:
 * Excel on Windows in Windows-1252 ("£" is one byte, 0xA3), its "Unicode
 * text" in UTF-16 with a byte-order mark, everything newer in UTF-8. The
 * browser's own TextDecoder reads all of them. No DOM here: tested in Node.
 */

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252" | "iso-8859-15" | "macintosh";

/** The encodings offered, with the names analysts know them by. */
export const TEXT_ENCODINGS: {encoding: TextEncoding; label: string}[] = [
  {encoding: "utf-8", label: "UTF-8"},
  {encoding: "utf-16le", label: "UTF-16 LE (Excel's “Unicode text”)"},
  {encoding: "utf-16be", label: "UTF-16 BE"},
  {encoding: "windows-1252", label: "Windows-1252 (Excel on Windows; Latin-1)"},
  {encoding: "iso-8859-15", label: "ISO-8859-15 (Latin-9)"},
  {encoding: "macintosh", label: "Mac Roman (older Macs)"}
];

export function encodingLabel(encoding: TextEncoding): string {
  return TEXT_ENCODINGS.find((e) => e.encoding === encoding)?.label ?? encoding;
}

export function isTextEncoding(value: unknown): value is TextEncoding {
  return TEXT_ENCODINGS.some((e) => e.encoding === value);
}

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** Bytes of byte-order mark at the start (0 when there is none). */
  bom: number;
}

/** The length of a byte-order mark of `encoding` at the start of `bytes`, or 0. */
export function bomLength(bytes: Uint8Array, encoding: TextEncoding): number {
  if (encoding === "utf-8" && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 3;
  if (encoding === "utf-16le" && bytes[0] === 0xff && bytes[1] === 0xfe) return 2;
  if (encoding === "utf-16be" && bytes[0] === 0xfe && bytes[1] === 0xff) return 2;
  return 0;
}

/**
 * The encoding of the first bytes of a file: a byte-order mark says it; else
 * text in UTF-16 has a zero byte beside most ASCII characters; else bytes
 * that are valid UTF-8 are UTF-8 (text in a single-byte encoding with any
 * accented letter almost never is); anything else is read as Windows-1252,
 * which gives every byte a character and is what Excel writes in Britain.
 */
export function detectEncoding(head: Uint8Array): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return {encoding: "utf-8", bom: 3};
  if (head[0] === 0xff && head[1] === 0xfe) return {encoding: "utf-16le", bom: 2};
  if (head[0] === 0xfe && head[1] === 0xff) return {encoding: "utf-16be", bom: 2};
  const pairs = Math.floor(Math.min(head.length, 4096) / 2);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; ++i) {
    if (head[2 * i] === 0) ++evenZeros;
    if (head[2 * i + 1] === 0) ++oddZeros;
  }
  if (pairs >= 2 && oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return {encoding: "utf-16le", bom: 0};
  if (pairs >= 2 && evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return {encoding: "utf-16be", bom: 0};
  return {encoding: isUtf8(head) ? "utf-8" : "windows-1252", bom: 0};
}

/** Whether bytes are valid UTF-8, allowing a character cut off at the end (a sample ends anywhere). */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", {fatal: true}).decode(bytes, {stream: true});
    return true;
  } catch {
    return false;
  }
}

/** Windows-1252's characters for bytes 0x80–0x9F, where it differs from Latin-1 (unassigned bytes stay as they are). */
const CP1252_HIGH = "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/**
 * A TextDecoder for `encoding`. Windows-1252 is mapped here for the bytes
 * where it differs from Latin-1: browsers do it, but some runtimes (Node)
 * decode it as Latin-1, which would turn Excel's ’ and – into control codes.
 */
export function textDecoder(encoding: TextEncoding): {decode(bytes: Uint8Array, options?: {stream?: boolean}): string} {
  const decoder = new TextDecoder(encoding, {ignoreBOM: true});
  if (encoding !== "windows-1252") return decoder;
  return {decode: (bytes, options) => decoder.decode(bytes, options).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH.charAt(c.charCodeAt(0) - 0x80))};
}

/** Whether bytes hold zero bytes that no text file in `encoding` has (so the file is not text at all). */
export function looksBinary(head: Uint8Array, encoding: TextEncoding): boolean {
  return !encoding.startsWith("utf-16") && head.includes(0);
}

/** How many bytes `text` takes in `encoding` (to find a line's place in the file from its place in the text). */
export function byteLength(text: string, encoding: TextEncoding): number {
  if (encoding === "utf-8") return new TextEncoder().encode(text).length;
  if (encoding.startsWith("utf-16")) return 2 * text.length;
  return text.length;
}
