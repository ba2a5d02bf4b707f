/**
 * A query travels in the page's URL fragment, `#sql=<encodeURIComponent(sql)>`,
 * so that a link to a result is a link to the query that makes it. The
 * fragment never reaches the server, so a shared link leaves no query in a log.
 */

const PREFIX = "#sql=";

export function hashForQuery(sql: string): string {
  return PREFIX + encodeURIComponent(sql);
}

/**
 * The query a fragment carries, or null when it carries none. A fragment that
 * is not valid percent-encoding (a link cut short mid-escape) is reported as
 * such rather than run half-decoded.
 */
export function queryFromHash(hash: string): {sql: string} | {error: string} | null {
  const fragment = hash.startsWith("#") ? hash : `#${hash}`;
  if (!fragment.startsWith(PREFIX)) return null;
  try {
    return {sql: decodeURIComponent(fragment.slice(PREFIX.length))};
  } catch {
    return {error: "The link's query is not valid URL encoding (was the link cut short?)."};
  }
}
