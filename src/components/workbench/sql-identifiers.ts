/**
 * Names and literals in the SQL the workbench writes for an analyst: table
 * names made from file names, and quoting, so that a file called
 * `My Data (2016).csv` or a value with a quote in it can never change what a
 * generated query does. No DOM and no DuckDB here: it is tested in Node.
 */

/**
 * The table a file becomes: its name in lower case, without the extension,
 * accents folded, each run of other characters turned into `_`
 * (`My Data (2016).csv` → `my_data_2016`, `Décès à l'hôpital.csv` →
 * `deces_a_l_hopital`). A name that would need quoting in SQL (one starting with a
 * digit, or nothing left at all) gets a `t_` in front, so that it can be typed
 * as it reads.
 */
export function tableNameForFile(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  const name = foldToAscii(base).toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  return /^[a-z]/.test(name) ? name : `t_${name}`.replace(/_+$/, "") || "t";
}

/** Letters that do not come apart into a letter and an accent. */
const LETTERS: Record<string, string> = {ß: "ss", æ: "ae", Æ: "AE", œ: "oe", Œ: "OE", ø: "o", Ø: "O", ł: "l", Ł: "L", đ: "d", Đ: "D", ð: "d", þ: "th", ı: "i"};

/** Accented letters as their plain ones ("Décès à l'hôpital" → "Deces a l'hopital"), so that a name can be typed. */
export function foldToAscii(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[ßæÆœŒøØłŁđĐðþı]/g, (c) => LETTERS[c] ?? c);
}

/**
 * A name not already taken: the fact base's tables keep theirs, so an
 * analyst's `events.csv` becomes `events_2`, not a replacement of ours.
 */
export function freeTableName(name: string, taken: (name: string) => boolean): string {
  if (!taken(name)) return name;
  for (let n = 2; ; ++n) if (!taken(`${name}_${n}`)) return `${name}_${n}`;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function quoteString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** The names of `tables` that a query mentions as a word (what a shared link has to say it needs). */
export function tablesMentioned(sql: string, tables: Iterable<string>): string[] {
  const words = new Set((sql.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []));
  return [...tables].filter((table) => words.has(table.toLowerCase()));
}
