/**
 * Each story page downloads what it shows and nothing else: one data file of
 * its own, holding exactly the figures, records and sources its prose and
 * charts read. What a page names is read from its source; what its charts read
 * is proved by test/unit/charts/chart-reads.test.ts; here the two are held against
 * src/lib/delivery/page-reads.ts and against what the loader sends.
 */
import {at} from "../../../src/lib/story/checked-lookups.js";
import assert from "node:assert/strict";
import {readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {describe, test} from "node:test";
import * as chartRecords from "../../../src/lib/delivery/chart-records.js";
import {CHART_READS} from "../../../src/components/charts/chart-registry.js";
import type {Reads} from "../../../src/lib/delivery/chart-reads.js";
import {loadFactBase} from "../../../src/lib/factbase/factbase.js";
import {dataFor, pageData} from "../../../src/lib/delivery/page-data.js";
import {PAGE_READS, type PageReads, type StoryPage} from "../../../src/lib/delivery/page-reads.js";
import {inspectionRecord, storyFacts} from "../../../src/lib/story/story.js";

const SRC = fileURLToPath(new URL("../../../src/", import.meta.url));
const facts = loadFactBase();
const story = storyFacts(facts);
const record = inspectionRecord(facts);

/** The pages that read the fact base: every page but the SQL workbench, which loads the Arrow tables whole. */
const storyPages = readdirSync(SRC)
  .filter((name) => name.endsWith(".md") && name !== "explore.md")
  .map((name) => name.replace(/\.md$/, ""))
  .filter((page) => /FileAttachment\(/.test(source(page)))
  .sort();

function source(page: string): string {
  return readFileSync(join(SRC, `${page}.md`), "utf8");
}

/** The string constants of src/lib/delivery/chart-records.ts, by name: a page may name an id through one. */
const CONSTANTS = new Map(Object.entries(chartRecords as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === "string"));

/** The figures a page's source reads: F.id, F["id"], or F[CONSTANT]. */
function figuresNamed(text: string): string[] {
  const ids = new Set<string>();
  for (const match of text.matchAll(/\bF\.([A-Za-z_$][\w$]*)/g)) ids.add(at(match, 1, "the match"));
  for (const match of text.matchAll(/\bF\["([^"]+)"\]/g)) ids.add(at(match, 1, "the match"));
  for (const match of text.matchAll(/\bF\[([^\]"]+)\]/g)) {
    const [whole, name] = [match[0], at(match, 1, "the match")];
    assert.ok(CONSTANTS.has(name), `${whole}: name a figure as F.id, F["id"] or with a constant of src/lib/delivery/chart-records.ts`);
    ids.add(CONSTANTS.get(name)!);
  }
  return [...ids].sort();
}

/** The ids of a table a page's source names, as string literals or constants, outside its figure look-ups. */
function idsNamed(text: string, ids: string[]): string[] {
  const prose = text.replace(/\bF(\.[A-Za-z_$][\w$]*|\[[^\]]+\])/g, "");
  const named = new Set([...prose.matchAll(/"([a-z0-9_]+)"/g)].map((m) => m[1]));
  for (const [name, value] of CONSTANTS) if (new RegExp(`\\b${name}\\b`).test(prose)) named.add(value);
  return ids.filter((id) => named.has(id)).sort();
}

const sorted = (list: readonly string[] | undefined) => [...(list ?? [])].sort();
const idsOf = (rows: {[key: string]: unknown}[], key: string) => rows.map((row) => row[key] as string);

test("every page that reads the fact base loads one data file, its own, and declares what it reads", () => {
  assert.deepEqual(storyPages, Object.keys(PAGE_READS).sort());
  for (const page of storyPages) {
    const files = [...source(page).matchAll(/FileAttachment\("([^"]+)"\)/g)].map((m) => m[1]);
    assert.deepEqual(files, [`data/pages/${page}.json`], page);
  }
});

test("the SQL workbench keeps every table whole, as Arrow", () => {
  const files = [...source("explore").matchAll(/FileAttachment\("([^"]+)"\)/g)].map((m) => at(m, 1, "the match"));
  assert.ok(files.every((f) => f === "data/catalog.json" || f.endsWith(".arrow")), files.join(", "));
  assert.equal(files.filter((f) => f.endsWith(".arrow")).length, facts.descriptor.resources.length + 1, "every table and the figures");
});

test("a reader that names a figure or a record the fact base does not have fails, saying which", () => {
  assert.throws(() => dataFor(facts, "page 'test'", [{figures: ["no_such_figure"]}]), /page 'test' reads the figure 'no_such_figure'/);
  assert.throws(() => dataFor(facts, "page 'test'", [{events: ["no_such_event"]}]), /page 'test' reads events 'no_such_event'/);
});

for (const page of Object.keys(PAGE_READS) as StoryPage[]) {
  describe(`page ${page}`, () => {
    const reads: PageReads = PAGE_READS[page];
    const text = source(page);

    test("declares the charts it draws", () => {
      const drawn = [...text.matchAll(/data-static-chart="([^"]+)"/g)].map((m) => m[1]);
      if (/\bDraftFinalTable\(/.test(text)) drawn.push("draft-final");
      assert.deepEqual(sorted(reads.charts), [...new Set(drawn)].sort());
    });

    test("declares the figures it names, and no other", () => {
      assert.deepEqual(sorted(reads.figures), figuresNamed(text));
    });

    test("declares the events, statements and findings it names, and no other", () => {
      for (const [list, rows, key] of [
        [reads.events, record.events, "event_id"],
        [reads.statements, story.statements, "statement_id"],
        [reads.findings, record.findings, "finding_id"]
      ] as const) {
        const named = idsNamed(text, idsOf(rows, key));
        // A page that takes every row names none in particular.
        assert.deepEqual(list === "all" ? [] : sorted(list as readonly string[] | undefined), named, key);
      }
    });

    test("is sent exactly the keys it takes from its data file", () => {
      const taken = at(/const \{([^}]*)\} = unpackSources\(await FileAttachment/.exec(text)!, 1, "the match").split(",").map((key) => at(key.split(":"), 0, "the key").trim());
      assert.deepEqual(Object.keys(pageData(facts, page, CHART_READS)).sort(), [...taken, "sources"].sort());
    });

    test("is sent exactly what it and its charts read, and each source once", () => {
      const sent = JSON.parse(JSON.stringify(pageData(facts, page, CHART_READS)));
      const all: Reads[] = [reads, ...(reads.charts ?? []).map((chart) => CHART_READS[chart as keyof typeof CHART_READS])];
      const claims = all.some((r) => r.claims) ? story.claims : [];
      const figures = new Set([...all.flatMap((r) => r.figures ?? []), ...claims.map((c) => c.disputes)]);
      assert.deepEqual(Object.keys(sent.figures ?? {}).sort(), [...figures].sort(), "figures");
      for (const [table, rows, key] of [
        ["events", record.events, "event_id"],
        ["findings", record.findings, "finding_id"],
        ["ratings", record.ratings, "rating_id"],
        ["terms", record.terms, "term_id"]
      ] as const) {
        const wanted = new Set<string>();
        for (const list of all.map((r) => r[table]).filter((l) => l !== undefined)) {
          const chosen = list === "all" ? rows : typeof list === "function" ? (list as (r: typeof rows) => typeof rows)(rows) : list.map((id) => rows.find((r) => (r as never)[key] === id)!);
          for (const row of chosen) wanted.add((row as never)[key]);
        }
        assert.deepEqual(idsOf(sent[table] ?? [], key).sort(), [...wanted].sort(), table);
      }
      assert.deepEqual(idsOf(sent.statements ?? [], "statement_id").sort(), sorted(reads.statements), "statements");
      assert.equal((sent.claims ?? []).length, claims.length, "claims");
      // Each source once, by id: every source sent is named by something sent, and every name is sent.
      const {sources, ...rest} = sent as {sources: Record<string, {url: string}>};
      const text = JSON.stringify(rest);
      const named = new Set([...text.matchAll(/"(?:source|sources|leadSources)":(\[[^\]]*\]|"[^"]+")/g)].flatMap((m) => [JSON.parse(at(m, 1, "the match"))].flat() as string[]));
      assert.deepEqual([...named].sort(), Object.keys(sources).sort());
    });
  });
}

test("no story page is sent every figure", () => {
  const all = Object.keys(story.figures).length;
  for (const page of Object.keys(PAGE_READS) as StoryPage[]) {
    const sent = Object.keys(pageData(facts, page, CHART_READS).figures ?? {}).length;
    assert.ok(sent < all / 3, `${page}: ${sent} of ${all} figures`);
  }
});
