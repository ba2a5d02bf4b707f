/**
 * A CSV or TSV file made ready for DuckDB's reader: its encoding told (or
 * chosen by the analyst) and turned into UTF-8, the lines above its header
 * and the notes below its data left out, and what was left out kept to tell
 * the analyst. Only the first megabyte and the last 64 KB are read to decide;
 * a UTF-8 file is then handed on as a slice of itself, without a copy.
 */
import {at} from "../../../lib/story/checked-lookups.js";
import {detectDelimiter, headerIndex, nonBlank, notesStart, rowShape, splitRecords, type TextRecord} from "./csv-layout.js";
import {FileError} from "./file-errors.js";
import {bomLength, byteLength, detectEncoding, looksBinary, textDecoder, type TextEncoding} from "./text-encodings.js";
import {fileNumberStyle, readColumn, type NumberStyle} from "./written-numbers.js";

/** What the analyst chose instead of what was detected. */
export interface ReadChoices {
  encoding?: TextEncoding;
  /** The file's line (1-based) holding the column names. */
  headerLine?: number;
}

export interface PreparedCsv {
  /** The table alone, in UTF-8: header line first. */
  blob: Blob;
  encoding: TextEncoding;
  detectedEncoding: TextEncoding;
  delimiter: string;
  /** The file's line of the header. */
  headerLine: number;
  /** Lines with text above the header, and below the data, that were left out. */
  above: TextRecord[];
  below: TextRecord[];
  /** Columns (by position) whose sample holds numbers as written that DuckDB would misread: read as text, then converted. */
  writtenNumberColumns: number[];
  numberStyle: NumberStyle;
}

const HEAD_BYTES = 2 ** 20;
/** Files up to this size are checked whole for UTF-8 (the browser's decoder does about 1 GB/s); larger ones by their first megabyte. */
const UTF8_CHECK_BYTES = 512 * 2 ** 20;
const TAIL_BYTES = 64 * 1024;

function decode(bytes: Uint8Array, encoding: TextEncoding): string {
  return textDecoder(encoding).decode(bytes, {stream: true});
}

/** The offset just after the first line break in `bytes` (in `encoding`), or -1. */
function afterFirstBreak(bytes: Uint8Array, encoding: TextEncoding, from: number): number {
  if (encoding === "utf-16le") {
    for (let i = from; i + 1 < bytes.length; i += 2) if (bytes[i] === 10 && bytes[i + 1] === 0) return i + 2;
  } else if (encoding === "utf-16be") {
    for (let i = from; i + 1 < bytes.length; i += 2) if (bytes[i] === 0 && bytes[i + 1] === 10) return i + 2;
  } else {
    const i = bytes.indexOf(10, from);
    return i < 0 ? -1 : i + 1;
  }
  return -1;
}

/** Whether the whole file is valid UTF-8, read piece by piece. */
async function validUtf8(file: Blob, onBytes: BytesDone): Promise<boolean> {
  const decoder = new TextDecoder("utf-8", {fatal: true});
  const piece = 8 * 2 ** 20;
  try {
    for (let at = 0; at < file.size; at += piece) {
      decoder.decode(new Uint8Array(await file.slice(at, at + piece).arrayBuffer()), {stream: at + piece < file.size});
      onBytes(Math.min(file.size, at + piece) / file.size);
    }
    return true;
  } catch {
    return false;
  }
}

/** The part of the file from `start` to `end` as UTF-8, decoded piece by piece so that a large file is never one string. */
async function asUtf8(file: Blob, start: number, end: number, encoding: TextEncoding, onBytes: BytesDone): Promise<Blob> {
  if (encoding === "utf-8") return start === 0 && end === file.size ? file : file.slice(start, end);
  const decoder = textDecoder(encoding);
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const piece = 8 * 2 ** 20;
  for (let at = start; at < end; at += piece) {
    const bytes = new Uint8Array(await file.slice(at, Math.min(end, at + piece)).arrayBuffer());
    parts.push(encoder.encode(decoder.decode(bytes, {stream: at + piece < end})));
    onBytes((Math.min(end, at + piece) - start) / (end - start));
  }
  return new Blob(parts as BlobPart[]);
}

/** Reports the share of the file a pass over its bytes has been through (0 to 1). */
type BytesDone = (fraction: number) => void;

/**
 * `onBytes` follows the passes over the whole file before DuckDB reads it: checking that a file
 * without a byte-order mark is UTF-8 throughout, and re-encoding one that is not.
 */
export async function prepareCsv(file: Blob, fileName: string, tabs: boolean, choices: ReadChoices = {}, onBytes: BytesDone = () => undefined): Promise<PreparedCsv> {
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const detected = detectEncoding(head);
  // A file whose first megabyte is plain ASCII may still have a "£" from Windows further on: check the rest.
  if (detected.encoding === "utf-8" && !detected.bom && file.size > HEAD_BYTES && file.size <= UTF8_CHECK_BYTES && !(await validUtf8(file, onBytes))) detected.encoding = "windows-1252";
  const encoding = choices.encoding ?? detected.encoding;
  if (looksBinary(head.subarray(0, 8192), encoding)) throw new FileError(fileName, "this is not a text file, so it cannot be read as CSV.");
  const bom = bomLength(head, encoding);
  const whole = file.size <= HEAD_BYTES;
  const headText = decode(head.subarray(bom), encoding);
  if (whole && headText.trim() === "") throw new FileError(fileName, "this file is empty: it has no lines, so no table was made.");
  const delimiter = tabs ? "\t" : detectDelimiter(headText) ?? ",";
  const records = splitRecords(headText, delimiter, {complete: whole});
  if (!records.length) throw new FileError(fileName, "no complete line was found in the first megabyte of this file, so it cannot be read as CSV.");
  const shape = rowShape(records);
  let header = headerIndex(records, shape);
  if (choices.headerLine) {
    const {headerLine} = choices;
    const chosen = records.findIndex((r) => r.line >= headerLine);
    if (chosen < 0) throw new FileError(fileName, `there is no line ${choices.headerLine} in the first megabyte of this file to take the column names from: choose an earlier line.`);
    header = chosen;
  }
  const headerRecord = at(records, header, "the file's records");
  const headerStart = bom + byteLength(headText.slice(0, headerRecord.start), encoding);

  // The notes below the data: looked for in the records read (the whole file) or in its last 64 KB.
  let below: TextRecord[] = [];
  let end = file.size;
  const headerShape = shape && {...shape, width: Math.max(shape.width, headerRecord.fields.length)};
  if (whole) {
    const body = records.slice(header + 1);
    const notes = notesStart(body, shape && headerShape);
    below = body.slice(notes);
    const firstNote = body[notes];
    if (firstNote) end = bom + byteLength(headText.slice(0, firstNote.start), encoding);
  } else {
    let tailStart = Math.max(HEAD_BYTES, file.size - TAIL_BYTES);
    if (encoding.startsWith("utf-16") && (tailStart - bom) % 2) ++tailStart;
    const tail = new Uint8Array(await file.slice(tailStart).arrayBuffer());
    const from = afterFirstBreak(tail, encoding, 0);
    if (from >= 0) {
      const tailText = decode(tail.subarray(from), encoding);
      const tailRecords = splitRecords(tailText, delimiter);
      const notes = notesStart(tailRecords, shape && headerShape);
      below = tailRecords.slice(notes);
      const firstNote = tailRecords[notes];
      if (firstNote) end = tailStart + from + byteLength(tailText.slice(0, firstNote.start), encoding);
    }
  }

  // The sample's rows: for checking their shape, and the numbers as written in each column.
  const fieldCount = headerRecord.fields.length;
  const rows = records.slice(header + 1, whole ? records.length - below.length : records.length).filter((r) => r.fields.some((f) => f.trim() !== ""));
  const ragged = rows.find((r) => r.fields.length !== fieldCount);
  if (ragged) {
    throw new FileError(
      fileName,
      `this row has ${ragged.fields.length} fields where the header (line ${headerRecord.line}) has ${fieldCount}. Check the line in a text editor: a field holding the delimiter needs quotes around it.`,
      ragged.line
    );
  }
  const numberStyle = fileNumberStyle(delimiter);
  const writtenNumberColumns: number[] = [];
  for (let c = 0; c < fieldCount; ++c) {
    const values = rows.map((r) => r.fields[c] ?? null);
    // DuckDB reads "1.234" as 1.234 and "1,234" as text; a column of numbers as written is read as text and converted once loaded.
    if (readColumn(values, numberStyle).kind === "numbers" && values.some((v) => v !== null && !/^\s*-?[0-9]+(\.[0-9]+)?\s*$/.test(v))) writtenNumberColumns.push(c);
  }
  return {
    blob: await asUtf8(file, headerStart, end, encoding, onBytes),
    encoding,
    detectedEncoding: detected.encoding,
    delimiter,
    headerLine: headerRecord.line,
    above: nonBlank(records.slice(0, header)),
    below: nonBlank(below),
    writtenNumberColumns,
    numberStyle
  };
}

