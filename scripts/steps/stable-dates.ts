/**
 * Framework writes each data file's modification time into the pages that use
 * it (`registerFile(…, {"lastModified": …})`): the moment its loader last ran,
 * which would make two builds of the same commit differ. The export gives
 * every file the date of the data instead: the latest date in the fact base.
 * (Framework's own way, the file's modification time, cannot carry it: a
 * loader's cached output older than the loader is re-run, so its time is
 * always the build's.)
 */
import {loadFactBase} from "../../src/lib/factbase/factbase.js";
import type {Step} from "./step.js";

/** The latest full date stated anywhere in the fact base, as milliseconds since 1970. */
export function dataDate(): number {
  const facts = loadFactBase();
  let latest = "";
  for (const table of facts.tables.values()) {
    for (const row of table.rows) {
      for (const value of Object.values(row)) {
        if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && value > latest) latest = value;
      }
    }
  }
  return Date.parse(`${latest}T00:00:00Z`);
}

const REGISTER_FILE = /\bregisterFile\(/g;
const LAST_MODIFIED = /"lastModified":(\d+)/g;

function modules(document: Document): HTMLScriptElement[] {
  return [...document.querySelectorAll<HTMLScriptElement>('script[type="module"]')];
}

export const stableDates: Step = {
  name: "stable dates",
  purpose: "gives every data file the data's own date instead of the time its loader ran, so two builds of one commit are identical",
  scope: "pages whose script registers data files",
  appliesTo: () => true,
  transform(document, _page, build) {
    let changes = 0;
    for (const script of modules(document)) {
      const text = script.textContent ?? "";
      const stable = text.replace(LAST_MODIFIED, () => (changes++, `"lastModified":${build.dataDate}`));
      if (stable !== text) script.textContent = stable;
    }
    return changes;
  },
  check(document, _page, changes) {
    const text = modules(document).map((script) => script.textContent ?? "").join("\n");
    const files = text.match(REGISTER_FILE)?.length ?? 0;
    // Every registered file has a date (Framework writes one for each file it found), so each must have been replaced.
    if (changes !== files) return `found ${changes} file dates to replace for ${files} registered files (did Framework's registerFile markup change?)`;
    return null;
  }
};
