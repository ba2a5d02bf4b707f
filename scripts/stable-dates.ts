/**
 * Framework writes each data file's modification time into the pages that use
 * it (`registerFile(…, {lastModified: …})`): the moment its loader last ran,
 * which would make two builds of the same commit differ. The export gives
 * every file the date of the data instead: the latest date in the fact base.
 */
import {readFile, writeFile} from "node:fs/promises";
import {htmlFiles} from "./static-server.js";
import {loadFactBase} from "../src/lib/factbase.js";

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

export async function stabiliseFileDates(dir: string, date = dataDate()): Promise<void> {
  for (const path of await htmlFiles(dir)) {
    const html = await readFile(path, "utf8");
    const stable = html.replace(/"lastModified":\d+/g, `"lastModified":${date}`);
    if (stable !== html) await writeFile(path, stable);
  }
}
