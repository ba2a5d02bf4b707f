/**
 * Files as analysts receive them, written here byte by byte: Excel's CSV on
 * Windows (Windows-1252), Excel's "Unicode text" (UTF-16, tabs), a
 * statistics release with title lines, notes, numbers with thousands
 * separators, currency and percent signs and suppression marks, a European
 * export (semicolons, decimal commas, an accented name), nested JSON with
 * integers past 2^53, Parquet with STRUCT, LIST, DECIMAL and microsecond
 * timestamps, and Excel workbooks. Each comes with its expected answers,
 * computed from the values it was written from, never read back.
 */
import {at} from "../../src/lib/story/checked-lookups.js";
import {parquetWriteBuffer} from "hyparquet-writer";
import {strToU8, zipSync} from "fflate";

export interface MessyFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Trusts and figures the files are made from: plain values, from which every expected answer is computed. */
const TRUSTS = ["Southern Health", "Solent", "Sussex Partnership", "Oxford Health", "Berkshire Healthcare", "Dorset HealthCare", "Avon and Wiltshire", "Hampshire Hospitals"];

/** Windows-1252's bytes for the characters used here beyond Latin-1 (’ – €). */
const CP1252: Record<string, number> = {"\u2019": 0x92, "\u2013": 0x96, "\u20ac": 0x80};

export function windows1252(text: string): Buffer {
  return Buffer.from([...text].map((c) => CP1252[c] ?? (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)));
}

function thousands(n: number): string {
  return n.toLocaleString("en-GB");
}

/** Excel's "CSV" on Windows: Windows-1252, CRLF, £ in quoted amounts, accents and a curly apostrophe in names. */
export function windowsCsv(name = "Spending 2016.csv") {
  const rows = TRUSTS.map((trust, i) => ({trust: `${trust} – Café ${i + 1}’s`, spend: 1_000_000 + i * 123_457, share: (i + 1) * 2.5}));
  const lines = ["Trust,Spend,Share", ...rows.map((r) => `"${r.trust}","£${thousands(r.spend)}",${r.share}`)];
  return {
    file: {name, mimeType: "text/csv", buffer: windows1252(lines.join("\r\n") + "\r\n")},
    table: "spending_2016",
    rows,
    totalSpend: rows.reduce((sum, r) => sum + r.spend, 0)
  };
}

/** Excel's "Unicode text": UTF-16 little-endian with a byte-order mark, tab-separated, CRLF. */
export function unicodeText(name = "Décès par trust.txt", bigEndian = false) {
  const rows = TRUSTS.map((trust, i) => ({trust: `${trust} (Sant\u00e9 ${i})`, deaths: 10 + 7 * i}));
  const text = ["Trust\tDécès", ...rows.map((r) => `${r.trust}\t${r.deaths}`)].join("\r\n") + "\r\n";
  const le = Buffer.from("\ufeff" + text, "utf16le");
  if (bigEndian) for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [at(le, i + 1, "le"), at(le, i, "le")];
  return {file: {name, mimeType: "text/plain", buffer: le}, table: "deces_par_trust", rows, totalDeaths: rows.reduce((s, r) => s + r.deaths, 0)};
}

const MARKS = ["*", "..", "[c]", "x", "-", "[x]", "n/a"];

/**
 * A statistics release as a spreadsheet saves it: two title lines (one with
 * the trailing commas Excel writes), a blank line, the header, rows with
 * "1,234" in quotes, suppression marks, an empty cell and percentages, then
 * a blank line and a source note below the data.
 */
export function statisticsRelease(name = "Deaths release.csv") {
  const rows = TRUSTS.map((trust, i) => {
    const mark = i % 3 === 1 ? MARKS[i % MARKS.length] : null;
    return {trust, deaths: mark ? null : 900 + i * 211, mark, rate: Math.round(380 + i * 13) / 10, empty: i === 5};
  });
  const cell = (r: (typeof rows)[number]) => (r.empty ? "" : r.mark ?? `"${thousands(r.deaths!)}"`);
  const lines = [
    "Table 3: Deaths reported by trust,,,",
    "England, 2015/16 (provisional)",
    "",
    "Trust,Deaths,Rate,Code",
    ...rows.map((r, i) => `${r.trust},${cell(r)},${r.rate.toFixed(1)}%,00${i + 1}`),
    "",
    "Source: Example statistics release,,,"
  ];
  const counted = rows.filter((r) => !r.mark && !r.empty);
  const marks = new Map<string, number>();
  for (const r of rows) if (r.mark && !r.empty) marks.set(r.mark, (marks.get(r.mark) ?? 0) + 1);
  return {
    file: {name, mimeType: "text/csv", buffer: Buffer.from("\ufeff" + lines.join("\r\n") + "\r\n", "utf8")},
    table: "deaths_release",
    rows,
    headerLine: 4,
    deathsSum: counted.reduce((s, r) => s + r.deaths!, 0),
    deathsCount: counted.length,
    marks,
    rateSum: rows.reduce((s, r) => s + Math.round(r.rate * 10), 0) / 10
  };
}

/** A European export: semicolons, decimal commas, dots between thousands, day-first dates, an accented file name. */
export function europeanCsv(name = "Décès à l'hôpital 2016 (v2).csv") {
  const rows = TRUSTS.map((trust, i) => ({trust, cost: 1234.5 + i * 1000.25, ratio: 11.1 + i, day: `${String(i + 1).padStart(2, "0")}/02/2016`}));
  const euro = (n: number, decimals: number) => n.toLocaleString("de-DE", {minimumFractionDigits: decimals, maximumFractionDigits: decimals});
  const lines = ["Établissement;Coût;Ratio;Jour", ...rows.map((r) => `${r.trust};${euro(r.cost, 2)};${euro(r.ratio, 1)};${r.day}`)];
  return {
    file: {name, mimeType: "text/csv", buffer: Buffer.from(lines.join("\n") + "\n", "utf8")},
    table: "deces_a_l_hopital_2016_v2",
    rows,
    costSum: rows.reduce((s, r) => s + Math.round(r.cost * 100), 0) / 100
  };
}

/** JSON records with a nested object, an array, and integers past 2^53 and 2^31. */
export function nestedJson(name = "Trusts.json") {
  const rows = TRUSTS.map((trust, i) => ({
    id: 2n ** 53n + BigInt(i) * 2n + 1n,
    count: 2 ** 31 + i,
    trust: {name: trust, code: `R${i}X`},
    sites: Array.from({length: (i % 3) + 1}, (_, k) => `${trust} site ${k + 1}`)
  }));
  const text = "[\n" + rows.map((r) => `  {"id": ${r.id}, "count": ${r.count}, "trust": {"name": ${JSON.stringify(r.trust.name)}, "code": "${r.trust.code}"}, "sites": ${JSON.stringify(r.sites)}}`).join(",\n") + "\n]\n";
  return {
    file: {name, mimeType: "application/json", buffer: Buffer.from(text, "utf8")},
    table: "trusts",
    rows,
    siteCount: rows.reduce((s, r) => s + r.sites.length, 0),
    idSum: rows.reduce((s, r) => s + r.id, 0n)
  };
}

/** Parquet as another tool writes it: a STRUCT, a LIST, a DECIMAL(10, 3) and timestamps with microseconds. */
export function nestedParquet(name = "Payments.parquet") {
  const amounts = [1250.25, 2500.125, 3750.0, 5002.125].map((a) => BigInt(Math.round(a * 1000)));
  const rows = amounts.map((unscaled, i) => ({
    unscaled,
    micros: BigInt(Date.UTC(2016, 3, i + 1, 9, 30)) * 1000n + 123456n + BigInt(i),
    payee: {name: TRUSTS[i], code: `R${i}`},
    tags: Array.from({length: i + 1}, (_, k) => `t${k}`)
  }));
  const buffer = parquetWriteBuffer({
    columnData: [
      {name: "amount", data: rows.map((r) => r.unscaled)},
      {name: "paid_at", data: rows.map((r) => r.micros)},
      {name: "payee", data: rows.map((r) => r.payee)},
      {name: "tags", data: rows.map((r) => r.tags)}
    ],
    schema: [
      {name: "root", num_children: 4},
      {name: "amount", type: "FIXED_LEN_BYTE_ARRAY", type_length: 5, repetition_type: "OPTIONAL", converted_type: "DECIMAL", scale: 3, precision: 10},
      {name: "paid_at", type: "INT64", repetition_type: "OPTIONAL", converted_type: "TIMESTAMP_MICROS"},
      {name: "payee", repetition_type: "OPTIONAL", num_children: 2},
      {name: "name", type: "BYTE_ARRAY", repetition_type: "OPTIONAL", converted_type: "UTF8"},
      {name: "code", type: "BYTE_ARRAY", repetition_type: "OPTIONAL", converted_type: "UTF8"},
      {name: "tags", repetition_type: "OPTIONAL", converted_type: "LIST", num_children: 1},
      {name: "list", repetition_type: "REPEATED", num_children: 1},
      {name: "element", type: "BYTE_ARRAY", repetition_type: "OPTIONAL", converted_type: "UTF8"}
    ]
  } as never);
  const total = rows.reduce((s, r) => s + r.unscaled, 0n);
  return {
    file: {name, mimeType: "application/vnd.apache.parquet", buffer: Buffer.from(buffer)},
    table: "payments",
    rows,
    /** The exact sum as DuckDB prints a DECIMAL(…, 3): "12502.500". */
    amountSum: `${total / 1000n}.${String(total % 1000n).padStart(3, "0")}`,
    tagCount: rows.reduce((s, r) => s + r.tags.length, 0)
  };
}

// ---- Excel workbooks, as the smallest .xlsx Excel opens: inline strings, one date style ----

type XlsxCell = string | number | Date | null;

function columnLetter(i: number): string {
  return String.fromCharCode(65 + i);
}

function excelSerial(date: Date): number {
  return date.getTime() / 86_400_000 + 25569;
}

function sheetXml(rows: XlsxCell[][]): string {
  const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const body = rows
    .map((row, r) => {
      const cells = row
        .map((v, c) => {
          const ref = `${columnLetter(c)}${r + 1}`;
          if (v === null) return "";
          if (v instanceof Date) return `<c r="${ref}" s="1"><v>${excelSerial(v)}</v></c>`;
          if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
          return `<c r="${ref}" t="inlineStr"><is><t>${escape(v)}</t></is></c>`;
        })
        .join("");
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

export function xlsx(sheets: {name: string; rows: XlsxCell[][]}[]): Buffer {
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`
    ),
    "_rels/.rels": strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    "xl/workbook.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${main}" xmlns:r="${rel}"><sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rId${sheets.length + 1}" Type="${rel}/styles" Target="styles.xml"/></Relationships>`
    ),
    "xl/styles.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="${main}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`
    )
  };
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s.rows))));
  return Buffer.from(zipSync(files));
}

/** A workbook of two sheets: deaths by date (a title row, dates, a "*" among the numbers) and a sheet of notes. */
export function workbook(name = "Mortality Workbook.xlsx") {
  const rows = TRUSTS.slice(0, 6).map((trust, i) => ({trust, day: new Date(Date.UTC(2016, 0, 10 + i)), deaths: i === 2 ? null : 5 + i * 3}));
  const buffer = xlsx([
    {name: "Deaths", rows: [["Deaths by trust and date, 2016", null, null], [null, null, null], ["Trust", "Date", "Deaths"], ...rows.map((r) => [r.trust, r.day, r.deaths ?? "*"])]},
    {name: "Notes", rows: [["Note", "Text"], ["1", "Provisional figures"], ["2", "* means fewer than 3"]]}
  ]);
  return {
    file: {name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer},
    tables: ["mortality_workbook_deaths", "mortality_workbook_notes"],
    rows,
    deathsSum: rows.reduce((s, r) => s + (r.deaths ?? 0), 0),
    firstDay: at(rows, 0, "rows").day.toISOString().slice(0, 10)
  };
}

/** A workbook of one sheet: its table is named after the file. */
export function singleSheetWorkbook(name = "Beds.xlsx") {
  const beds = [120, 85, 64];
  return {file: {name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: xlsx([{name: "Sheet1", rows: [["Site", "Beds"], ...beds.map((b, i) => [`Site ${i + 1}`, b])]}])}, table: "beds", bedsSum: beds.reduce((a, b) => a + b, 0)};
}

export function emptyFile(name = "Nothing here.csv"): MessyFile {
  return {name, mimeType: "text/csv", buffer: Buffer.alloc(0)};
}

export function oldWorkbook(name = "Budget 2015.xls"): MessyFile {
  // The start of an OLE2 compound file, which is what .xls files are.
  return {name, mimeType: "application/vnd.ms-excel", buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])};
}
