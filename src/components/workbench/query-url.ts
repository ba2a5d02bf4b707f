/**
 * A query travels in the page's URL fragment, `#sql=<encodeURIComponent(sql)>`,
 * so that a link to a result is a link to the query that makes it. The
 * fragment never reaches the server, so a shared link leaves no query in a log.
 *
 * A query over an analyst's own files also carries which files its tables
 * came from (`&files=` a JSON object of table → file name, URL-encoded), so
 * that a reader without them is told which file to open, not just that a
 * table does not exist. Only names travel: never the files' contents.
 */

const PREFIX = "#sql=";
const FILES = "&files=";

/** Table name → the name of the file it was made from. */
export type LinkedFiles = Record<string, string>;

export function hashForQuery(sql: string, files: LinkedFiles = {}): string {
  const hash = PREFIX + encodeURIComponent(sql);
  return Object.keys(files).length ? hash + FILES + encodeURIComponent(JSON.stringify(files)) : hash;
}

/**
 * The query a fragment carries, or null when it carries none. A fragment that
 * is not valid percent-encoding (a link cut short mid-escape) is reported as
 * such rather than run half-decoded.
 */
export function queryFromHash(hash: string): {sql: string; files?: LinkedFiles} | {error: string} | null {
  const fragment = hash.startsWith("#") ? hash : `#${hash}`;
  if (!fragment.startsWith(PREFIX)) return null;
  // encodeURIComponent writes & as %26, so a raw & can only be ours.
  const [query, ...rest] = fragment.slice(PREFIX.length).split("&");
  let sql: string;
  try {
    sql = decodeURIComponent(query ?? "");
  } catch {
    return {error: "The link's query is not valid URL encoding (was the link cut short?)."};
  }
  const filesPart = rest.map((part) => `&${part}`).find((part) => part.startsWith(FILES));
  if (!filesPart) return {sql};
  try {
    const parsed: unknown = JSON.parse(decodeURIComponent(filesPart.slice(FILES.length)));
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
      const files = Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
      return {sql, files};
    }
  } catch {
    // A damaged list of files costs only the better message; the query itself is intact.
  }
  return {sql};
}
