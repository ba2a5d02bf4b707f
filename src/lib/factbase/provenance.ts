/**
 * The source policy, enforced: a record is only as strong as the sources that
 * state it. A source stands for what it is, or, when it copies another's words,
 * for what it copies (src/lib/factbase/copies.ts): a reprint of a primary document is
 * that document, a copy of another outlet is secondary. A record marked final
 * must lead with a primary document or original reporting; a record that cites
 * only secondary or copied pages may not claim to be final; the primary
 * document comes first, and no stronger source is left among the "further
 * sources" while a weaker one leads; a page on a copied encyclopaedia or a
 * content farm leads nothing. Statements are dated when first published and
 * are the words of someone other than the reporter. Also checks the
 * references that a column schema cannot express: the space-separated further
 * source ids, what a copy says it copies, and the records that a disagreement
 * between sources points at.
 */
import {copyOf, standingOf, publisherName, type Copy} from "./copies.js";
import {asList} from "./datapackage.js";
import {refusedHost} from "./refused-hosts.js";
import type {Sources, Statements} from "./rows.js";
import {failAt, typedTable, type TypedTable} from "./validate.js";

/** The kinds of source, strongest first, and what each is, for error messages and the sources page. */
export const SOURCE_KINDS = {
  "primary document": "the regulator, NHS England, a court or the HSE, Hansard, the trust itself, or the report",
  "original reporting": "a news outlet's own report",
  secondary: "a charity, campaign or personal blog, law firm, forum, or a summary of another body's report",
  mirror: "a copy of another outlet's page on an unrelated site"
} as const;
export type SourceKind = keyof typeof SOURCE_KINDS;

/** Only these kinds can make a figure final. */
export function isStrongSource(kind: SourceKind): boolean {
  return kind === "primary document" || kind === "original reporting";
}

/** Strongest first: the order in which a record's sources must be cited. */
const RANK: Record<SourceKind, number> = {"primary document": 0, "original reporting": 1, secondary: 2, mirror: 2};

/** What the policy needs to know of a source. */
interface Judged {
  /** Its own kind. */
  kind: SourceKind;
  /** What a record resting on it can be (its kind, or what it copies). */
  standing: SourceKind;
  copy: Copy | null;
  url: string;
  publisher: string;
  published: string | null;
}

/** "secondary", or "original reporting (a rewrite of NHS Improvement's statement …)" when a copy's standing is not its kind. */
function described(source: Judged): string {
  if (!source.copy || source.copy.type === "in part") return source.standing;
  return `${source.standing} (a ${source.copy.type} of ${source.copy.of}, ${source.copy.ofKind})`;
}

/** "a b c" → ["a", "b", "c"]; an empty cell lists none. */
export function sourceIdList(cell: unknown): string[] {
  return typeof cell === "string" && cell !== "" ? cell.split(" ") : [];
}


function checkSourcedTable(table: TypedTable, sources: Map<string, Judged>): void {
  table.rows.forEach((row, i) => {
    const others = sourceIdList(row.other_source_ids).map((id) => {
      const source = sources.get(id);
      if (source === undefined) return failAt(table, i, "other_source_ids", `"${id}" does not exist in sources.source_id`);
      if (id === row.source_id) failAt(table, i, "other_source_ids", `"${id}" is already the source_id`);
      return {id, source};
    });
    if (new Set(others.map((o) => o.id)).size !== others.length) failAt(table, i, "other_source_ids", "lists a source twice");
    const lead = sources.get(String(row.source_id)) ?? failAt(table, i, "source_id", `"${row.source_id}" does not exist in sources.source_id`);
    const refused = refusedHost(lead.url);
    if (refused) {
      failAt(table, i, "source_id", `"${row.source_id}" is on ${refused.host}, ${refused.reason}: such a page may not lead a record; cite the page it copies, or another source`);
    }
    // The primary document first, then original reporting: a stronger source never waits among the further ones
    // (a page on a refused host cannot lead, so it never counts as the stronger).
    const stronger = others.find(({source}) => RANK[source.standing] < RANK[lead.standing] && !refusedHost(source.url));
    if (stronger) {
      failAt(table, i, "source_id", `"${row.source_id}" is ${described(lead)} while a further source, "${stronger.id}", is ${described(stronger.source)}: cite the stronger source as source_id, with its quote`);
    }
    if (row.status === "final" && !isStrongSource(lead.standing)) {
      const what = lead.copy && lead.copy.type !== "in part" ? `a ${lead.copy.type} of ${lead.copy.of} (${lead.copy.ofKind}), which counts as ${lead.standing}` : `${lead.kind} (${SOURCE_KINDS[lead.kind]})`;
      failAt(table, i, "status", `'final' needs a primary document or original reporting as source_id, but "${row.source_id}" is ${what}; mark it 'secondary' or cite a stronger source`);
    }
    if (row.status === "secondary" && isStrongSource(lead.standing)) {
      failAt(table, i, "status", `'secondary' understates "${row.source_id}", which is ${described(lead)}: a record resting on it is 'final'`);
    }
  });
}

const COPY_COLUMNS = ["copy_of", "copy_type", "copy_of_kind", "copy_evidence"] as const;

/** A copy says what it copies, how, and how that was found; a mirror is always a copy; an original in the record agrees with what the copy says it is. */
function checkCopies(sources: TypedTable<Sources>, judged: Map<string, Judged>): void {
  sources.rows.forEach((row, i) => {
    const given = COPY_COLUMNS.filter((c) => row[c] !== null && row[c] !== undefined);
    const missing = COPY_COLUMNS.find((c) => !given.includes(c));
    if (given.length > 0 && missing !== undefined) {
      failAt(sources, i, missing, `is empty, but ${given.join(", ")} ${given.length === 1 ? "says" : "say"} that the page copies another's words: a copy gives ${COPY_COLUMNS.join(", ")}`);
    }
    if (row.kind === "mirror" && given.length === 0) {
      failAt(sources, i, "copy_type", `is empty, but "${row.source_id}" is a mirror: say what it copies (${COPY_COLUMNS.join(", ")})`);
    }
    const original = row.copy_of_source_id;
    if (original === null) return;
    if (given.length === 0) failAt(sources, i, "copy_of_source_id", "names an original, but the page is not marked as a copy (copy_type is empty)");
    if (original === row.source_id) failAt(sources, i, "copy_of_source_id", "names the page itself");
    const originalStanding = (judged.get(original) ?? failAt(sources, i, "copy_of_source_id", `"${original}" does not exist in sources.source_id`)).standing;
    if (originalStanding !== row.copy_of_kind) {
      failAt(sources, i, "copy_of_kind", `says the original is ${row.copy_of_kind}, but "${original}" is ${originalStanding}`);
    }
  });
}

/** Partial ISO dates compare correctly as strings on their common prefix only. */
function laterThan(a: string, b: string): boolean {
  const length = Math.min(a.length, b.length);
  return a.slice(0, length) > b.slice(0, length);
}

/**
 * A statement is dated when it was first said or published, so no page that
 * prints it can be older than it; and it is someone's words, so its speaker is
 * never the outlet whose reporter wrote them.
 */
function checkStatements(statements: TypedTable<Statements>, sources: Map<string, Judged>): void {
  statements.rows.forEach((row, i) => {
    const sourceOf = (id: string, column: string): Judged => sources.get(id) ?? failAt(statements, i, column, `"${id}" does not exist in sources.source_id`);
    const cited = [{id: row.source_id, column: "source_id"}, ...sourceIdList(row.other_source_ids).map((id) => ({id, column: "other_source_ids"}))];
    for (const {id, column} of cited) {
      const published = sourceOf(id, column).published;
      if (published !== null && laterThan(row.date, published)) {
        failAt(statements, i, "date", `${row.date} is later than "${id}", published ${published}, which prints it: date a statement when it was first said or published (a reprint is a further source, not a new date)`);
      }
    }
    // A body speaking in its own release is the speaker; an outlet is never the speaker of its own report.
    const lead = sourceOf(row.source_id, "source_id");
    if (lead.kind !== "primary document" && row.speaker.toLowerCase() === publisherName(lead.publisher).toLowerCase()) {
      failAt(statements, i, "speaker", `"${row.speaker}" is the outlet that printed it ("${row.source_id}"): a reporter's own sentences are not a statement`);
    }
  });
}

function checkDisagreements(disagreements: TypedTable, tables: Map<string, TypedTable>): void {
  disagreements.rows.forEach((row, i) => {
    const target = tables.get(String(row.resource));
    // The foreign key on resource (datapackage.json) names only tables of the package, each with a primary key.
    if (target === undefined) return failAt(disagreements, i, "resource", `no table '${row.resource}'`);
    const [key] = asList(target.resource.schema.primaryKey ?? []);
    if (key === undefined) return failAt(disagreements, i, "resource", `${row.resource} has no primary key to find record_id by`);
    if (!target.rows.some((r) => r[key] === row.record_id)) failAt(disagreements, i, "record_id", `"${row.record_id}" does not exist in ${row.resource}.${key}`);
    if (!target.resource.schema.fields.some((f) => f.name === row.field)) failAt(disagreements, i, "field", `${row.resource} has no column '${row.field}'`);
  });
}

export function checkProvenance(tables: Map<string, TypedTable>): void {
  const sources = typedTable(tables, "sources");
  if (!sources) return;
  const judged = new Map<string, Judged>(
    sources.rows.map((r) => {
      const copy = copyOf(r);
      return [r.source_id, {kind: r.kind, standing: standingOf(r.kind, copy), copy, url: r.url, publisher: r.publisher, published: r.published ?? null}];
    })
  );
  checkCopies(sources, judged);
  for (const table of tables.values()) {
    const names = table.resource.schema.fields.map((f) => f.name);
    if (table !== sources && names.includes("source_id") && names.includes("status")) checkSourcedTable(table, judged);
  }
  const statements = typedTable(tables, "statements");
  if (statements) checkStatements(statements, judged);
  const disagreements = tables.get("disagreements");
  if (disagreements) checkDisagreements(disagreements, tables);
  checkEverySourceCited(sources, tables);
}

/** A source nothing rests on is a loose end (a replaced copy, a typo in an id): the sources page lists only what is cited. */
function checkEverySourceCited(sources: TypedTable<Sources>, tables: Map<string, TypedTable>): void {
  const cited = new Set<string>();
  for (const table of tables.values()) {
    if (table === sources) continue;
    for (const row of table.rows) {
      if (typeof row.source_id === "string") cited.add(row.source_id);
      for (const id of sourceIdList(row.other_source_ids)) cited.add(id);
    }
  }
  sources.rows.forEach((row, i) => {
    if (!cited.has(row.source_id)) failAt(sources, i, "source_id", `"${row.source_id}" is cited by no record; remove it or cite it`);
  });
}
