/**
 * Each story page downloads what it shows and nothing else: one data file of
 * its own, holding exactly the figures, records and sources its prose and
 * charts read. What a page reads is found in its source
 * (src/lib/delivery/page-reads.ts): the rules are tried here on small pages
 * written for the test, and what the loader sends each real page is held
 * against what it and its charts read; test/browser/page-checks.ts holds the
 * sent figures against those the built page shows.
 */
import {at} from "../../../src/lib/story/checked-lookups.js";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {describe, test} from "node:test";
import {CHARTS, CHART_READS} from "../../../src/components/charts/chart-registry.js";
import type {Reads} from "../../../src/lib/delivery/chart-reads.js";
import {REPEAT_FINDING} from "../../../src/lib/delivery/chart-records.js";
import {loadFactBase} from "../../../src/lib/factbase/factbase.js";
import {dataFor, pageData} from "../../../src/lib/delivery/page-data.js";
import {readsOfPage, storyPages} from "../../../src/lib/delivery/page-reads.js";
import {inspectionRecord, storyFacts} from "../../../src/lib/story/story.js";

const SRC = fileURLToPath(new URL("../../../src/", import.meta.url));
const facts = loadFactBase();
const story = storyFacts(facts);
const record = inspectionRecord(facts);
const pages = storyPages();

function source(page: string): string {
  return readFileSync(join(SRC, `${page}.md`), "utf8");
}

/** A page written for the test: its code block takes `keys` from its data file, and its prose follows. */
function readsOf(keys: string, prose: string) {
  const text = ["```js", `const {${keys}} = unpackSources(await FileAttachment("data/pages/test.json").json());`, "```", "", prose].join("\n");
  return readsOfPage(facts, CHARTS, "test", {file: "src/test.md", text});
}

const sorted = (list: readonly string[] | undefined) => [...(list ?? [])].sort();
const idsOf = (rows: {[key: string]: unknown}[], key: string) => rows.map((row) => row[key] as string);

test("every page that loads its own data file is a story page, and loads only that file", () => {
  assert.ok(pages.length >= 8, pages.join(", "));
  assert.ok(!pages.includes("explore"), "the SQL workbench loads whole tables");
  for (const page of pages) {
    const files = [...source(page).matchAll(/FileAttachment\("([^"]+)"\)/g)].map((m) => m[1]);
    assert.deepEqual(files, [`data/pages/${page}.json`], page);
  }
});

describe("what a page reads is what it names", () => {
  test("figures named as F.id, F[\"id\"] or F[CONSTANT]", () => {
    const reads = readsOf("figures: F", `\${F.deaths_total} and \${F["deaths_unexpected"]} and \${F[REPEAT_FINDING]}`);
    assert.deepEqual(sorted(reads.figures), ["deaths_total", "deaths_unexpected", REPEAT_FINDING].sort());
    assert.equal(reads.events, undefined, "a kind the page does not take is not sent");
  });

  test("events, statements and findings named by id, each in the kind the page takes", () => {
    const reads = readsOf("events, statements, findings", `\${when("2015_12_09_mazars_draft_leaked")} \${say("mclean_safe_care")} \${finding("2016_04_warning_notice_announced")} \${finding(REPEAT_FINDING)}`);
    assert.deepEqual(reads.events, ["2015_12_09_mazars_draft_leaked"]);
    assert.deepEqual(reads.statements, ["mclean_safe_care"]);
    assert.deepEqual(sorted(reads.findings as readonly string[]), ["2016_04_warning_notice_announced", REPEAT_FINDING].sort());
  });

  test("a kind the page takes but names no row of is sent whole; claims always are", () => {
    const reads = readsOf("events, terms, claims", "Every event, every term.");
    assert.equal(reads.events, "all");
    assert.equal(reads.terms, "all");
    assert.equal(reads.claims, "all");
  });

  test("a chart placed for the build, or a table laid out by the function its entry names", () => {
    assert.deepEqual(readsOf("figures: F", '<div data-static-chart="funnel"></div>').charts, ["funnel"]);
    assert.deepEqual(readsOf("figures: F", "DraftFinalTable(F, {leak, report})").charts, ["draft-final"]);
    assert.equal(readsOf("figures: F", "No chart here.").charts, undefined);
  });

  test("a table's name, where the page counts from it, is no record", () => {
    const reads = readsOf("findings", '\${countOf(rows.length, "findings", "cqc_findings")}');
    assert.equal(reads.findings, "all");
  });

  test("a name that matches nothing the page takes stops the build at its line and column", () => {
    assert.throws(() => readsOf("figures: F", "\n\${F.no_such_figure}"), /^DataError: src\/test\.md:6:3: the page names the figure 'no_such_figure', which the fact base does not have/);
    assert.throws(() => readsOf("events", 'On \${when("2015_12_09_mazars_draft_lekaed")}'), /^DataError: src\/test\.md:5:11: "2015_12_09_mazars_draft_lekaed" names no event in the fact base, and no table/);
    assert.throws(() => readsOf("figures: F, events", '\${say("mclean_safe_care")}'), /src\/test\.md:5:7: "mclean_safe_care" names a statement, but the page does not take statements from its data file/);
    assert.throws(() => readsOf("figures: F", '<div data-static-chart="no-such-chart"></div>'), /src\/test\.md:5:6: the page draws the chart 'no-such-chart', which the chart registry does not have/);
    assert.throws(() => readsOf("figures: F", "\${F[someName]}"), /src\/test\.md:5:3: name a figure as F\.id/);
  });
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

for (const page of pages) {
  describe(`page ${page}`, () => {
    const reads = readsOfPage(facts, CHARTS, page);
    const text = source(page);

    test("is sent exactly the keys it takes from its data file", () => {
      const taken = at(/const \{([^}]*)\} = unpackSources\(await FileAttachment/.exec(text)!, 1, "the match").split(",").map((key) => at(key.split(":"), 0, "the key").trim());
      assert.deepEqual(Object.keys(pageData(facts, page, CHARTS)).sort(), [...taken, "sources"].sort());
    });

    test("is sent exactly what it and its charts read, and each source once", () => {
      const sent = JSON.parse(JSON.stringify(pageData(facts, page, CHARTS)));
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
  for (const page of pages) {
    const sent = Object.keys(pageData(facts, page, CHARTS).figures ?? {}).length;
    assert.ok(sent < all / 3, `${page}: ${sent} of ${all} figures`);
  }
});
