/**
 * The figures a reader sees: shares come from the counts (change a count and
 * the share follows), carry the weakest status and every source of their
 * inputs, and nothing unconfirmed or superseded is turned into a number.
 */
import {at} from "../../../src/lib/story/checked-lookups.js";
import assert from "node:assert/strict";
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {after, describe, test} from "node:test";
import {loadFactBase} from "../../../src/lib/factbase/factbase.js";
import {buildFigures, weakestStatus, type Figure} from "../../../src/lib/story/figures.js";

const DATA = fileURLToPath(new URL("../../../data/", import.meta.url));
const copies: string[] = [];

after(() => {
  for (const dir of copies) rmSync(dir, {recursive: true, force: true});
});

/**
 * A copy of data/ with some cells of mazars_figures.csv changed: {figure_id: {column: value}}.
 * Only cells with no quoted field before them are edited, so splitting on commas is exact.
 */
function mazarsCopy(edits: Record<string, Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), "shft-figures-"));
  copies.push(dir);
  cpSync(DATA, dir, {recursive: true});
  const path = join(dir, "mazars_figures.csv");
  const lines = readFileSync(path, "utf8").split("\n");
  const header = at(lines, 0, "lines").split(",");
  for (const [id, cells] of Object.entries(edits)) {
    const index = lines.findIndex((l) => l.startsWith(`${id},`));
    assert.ok(index > 0, `no row ${id}`);
    const fields = at(lines, index, "lines").split(",");
    for (const [name, value] of Object.entries(cells)) {
      const at = header.indexOf(name);
      assert.ok(at >= 0 && !fields.slice(0, at + 1).some((f) => f.includes('"')), `cannot edit ${id}.${name} by position`);
      fields[at] = value;
    }
    lines[index] = fields.join(",");
  }
  writeFileSync(path, lines.join("\n"));
  return dir;
}

function figures(dir = DATA): Map<string, Figure> {
  return buildFigures(loadFactBase(dir));
}

function get(all: Map<string, Figure>, id: string): Figure {
  const figure = all.get(id);
  assert.ok(figure, `no figure ${id}`);
  return figure;
}

describe("computed shares", () => {
  test("are computed from the two counts, with their Wilson interval", () => {
    const share = get(figures(), "share_unexpected_investigated_cir_siri");
    // 272 of 722 = 37.673…%; Wilson 95%: 34.213%–41.264% (worked out in stats.test.ts).
    assert.equal(share.numerator, 272);
    assert.equal(share.denominator, 722);
    assert.ok(Math.abs((share.value as number) - 37.6731302) < 1e-6);
    assert.equal(share.display, "37.7%");
    assert.ok(share.interval && Math.abs(share.interval.lower - 0.3421259) < 1e-6 && Math.abs(share.interval.upper - 0.4126415) < 1e-6);
    assert.equal(share.derived, true);
    assert.deepEqual(share.rows, ["mazars_figures:unexpected_investigated_cir_siri", "mazars_figures:deaths_unexpected"]);
  });

  test("change when a count changes in the data", () => {
    const before = get(figures(), "share_ld_unexpected_investigated");
    assert.equal(before.display, "4.3%"); // 4 of 93
    const after = get(figures(mazarsCopy({ld_unexpected_investigated: {value: "9"}})), "share_ld_unexpected_investigated");
    assert.equal(after.numerator, 9);
    assert.equal(after.value, (100 * 9) / 93);
    assert.equal(after.display, "9.7%");
    assert.notDeepEqual(after.interval, before.interval);
  });

  test("change when a whole changes in the data, including the shares the story adds across steps", () => {
    const all = figures(mazarsCopy({deaths_total: {value: "20000"}}));
    // share_unexpected_of_all is 722 of deaths_total: 3.61%.
    assert.equal(get(all, "share_unexpected_of_all").value, (100 * 722) / 20000);
    assert.equal(get(all, "share_deaths_reported_ulysses").value, (100 * 1454) / 20000);
    assert.equal(get(all, "share_deaths_reported_ulysses").display, "7.3%");
  });

  test("are never stored: no percentage in mazars_figures restates two of its counts", () => {
    // A stored share would not follow its counts. Shares in the data are those reported without counts.
    const facts = loadFactBase(DATA);
    for (const row of facts.rows("mazars_figures")) {
      if (row.unit !== "percent") continue;
      assert.equal(row.statistic, "share", `${row.figure_id}`);
      assert.equal(row.denominator_id, null, `${row.figure_id} is a percentage with a denominator row: compute it instead`);
    }
  });

  test("comparator proportions are computed from numerator and denominator", () => {
    const figure = get(figures(), "guardian_ld_unexpected_investigated");
    // 137 of 397 = 34.509%: the Guardian rounds it to 35%.
    assert.equal(figure.value, (100 * 137) / 397);
    assert.equal(figure.display, "34.5%");
    assert.equal(figure.derived, true);
  });
});

describe("status of a computed share", () => {
  test("weakestStatus ranks final > secondary > draft > superseded > unconfirmed", () => {
    assert.equal(weakestStatus(["final", "final"]), "final");
    assert.equal(weakestStatus(["final", "draft"]), "draft");
    assert.equal(weakestStatus(["draft", "final"]), "draft");
    assert.equal(weakestStatus(["secondary", "final"]), "secondary");
    assert.equal(weakestStatus(["secondary", "draft"]), "draft");
    assert.equal(weakestStatus(["draft", "superseded"]), "superseded");
    assert.equal(weakestStatus(["final", "unconfirmed", "secondary"]), "unconfirmed");
  });

  test("a draft count over a final count gives a draft share", () => {
    const all = figures();
    assert.equal(get(all, "investigated_siri").status, "draft");
    assert.equal(get(all, "unexpected_investigated_cir_siri").status, "final");
    assert.equal(get(all, "share_investigated_siri").status, "draft");
    assert.equal(get(all, "share_siri_of_reported").status, "draft");
  });

  test("follows the data: marking a whole as draft makes its shares draft", () => {
    const before = figures();
    assert.equal(get(before, "share_deaths_unexpected").status, "final");
    assert.equal(get(before, "share_unexpected_reviewed").status, "final");
    const after = figures(mazarsCopy({deaths_unexpected: {status: "draft"}}));
    assert.equal(get(after, "share_deaths_unexpected").status, "draft", "deaths_unexpected as a part");
    assert.equal(get(after, "share_unexpected_reviewed").status, "draft", "deaths_unexpected as a whole");
    assert.equal(get(after, "share_unexpected_of_all").status, "draft", "an extra share across steps");
    assert.equal(get(after, "share_deaths_reported_ulysses").status, "final", "shares not built on it are untouched");
  });

  test("a secondary input makes a final share secondary, not draft", () => {
    // A secondary status needs a secondary source: the policy refuses one resting on original reporting.
    const all = figures(mazarsCopy({ld_unexpected: {status: "secondary", source_id: "autism_eye_4917", other_source_ids: ""}}));
    assert.equal(get(all, "share_ld_unexpected_investigated").status, "secondary");
  });
});

describe("provenance", () => {
  test("every figure has at least one source, each with a URL", () => {
    const all = figures();
    assert.ok(all.size > 50, `only ${all.size} figures`);
    for (const figure of all.values()) {
      assert.ok(figure.sources.length > 0, `${figure.id} has no source`);
      for (const source of figure.sources) {
        assert.ok(source, `${figure.id} cites a source that is not in sources.csv`);
        assert.match(source.url, /^https?:\/\/\S+$/, `${figure.id}: source ${source.id}`);
        assert.ok(source.publisher && source.title, `${figure.id}: source ${source.id} has no publisher or title`);
      }
    }
  });

  test("a share cites the sources of both its counts, once each", () => {
    const all = figures();
    const part = get(all, "deaths_unexpected");
    const whole = get(all, "deaths_total");
    assert.notEqual(at(part.sources, 0, "sources").id, at(whole.sources, 0, "sources").id, "the two counts come from different pages");
    const ids = (f: {sources: {id: string}[]}) => f.sources.map((s) => s.id);
    assert.deepEqual(ids(get(all, "share_unexpected_of_all")), [...new Set([...ids(part), ...ids(whole)])]);
    // A page that states both counts is cited once.
    const shared = get(all, "share_deaths_unexpected");
    assert.ok(ids(get(all, "deaths_unexpected")).some((id) => ids(get(all, "deaths_reported_ulysses")).includes(id)), "722 and 1,454 share a page");
    assert.equal(new Set(ids(shared)).size, ids(shared).length);
  });

  test("a stated figure points at its row", () => {
    assert.deepEqual(get(figures(), "deaths_total").rows, ["mazars_figures:deaths_total"]);
  });
});

describe("unconfirmed and superseded figures", () => {
  test("no unconfirmed figure has a value, in the real data", () => {
    for (const figure of figures().values()) {
      if (figure.status === "unconfirmed") assert.equal(figure.value, null, figure.id);
    }
  });

  test("an unconfirmed count shows as not found, and so do the shares built on it", () => {
    const all = figures(mazarsCopy({ld_unexpected: {value: "", status: "unconfirmed"}}));
    const count = get(all, "ld_unexpected");
    assert.equal(count.status, "unconfirmed");
    assert.equal(count.value, null);
    assert.equal(count.display, "not known");
    // 4 of an unknown number of deaths is not a share anyone can state.
    const share = get(all, "share_ld_unexpected_investigated");
    assert.equal(share.status, "unconfirmed");
    assert.equal(share.value, null);
    assert.equal(share.interval, null);
    assert.equal(share.display, "not known");
    assert.equal(all.get("share_ld_unexpected"), undefined, "an unknown part gives no share of its whole");
    for (const figure of all.values()) {
      if (figure.status === "unconfirmed") assert.equal(figure.value, null, figure.id);
      assert.doesNotMatch(figure.display, /NaN|undefined|Infinity/, figure.id);
    }
  });

  test("an unconfirmed count in a share the story adds across steps is not found either", () => {
    const all = figures(mazarsCopy({deaths_unexpected: {value: "", status: "unconfirmed"}}));
    const share = get(all, "share_unexpected_of_all");
    assert.equal(share.status, "unconfirmed");
    assert.equal(share.value, null);
    assert.equal(share.display, "not known");
  });

  test("a superseded count produces no share", () => {
    const all = figures();
    assert.equal(get(all, "leak_unexpected_1454").status, "superseded");
    assert.equal(all.get("share_leak_unexpected_1454"), undefined);
    // And the rule follows the data: superseding a count removes its share.
    assert.ok(all.get("share_ld_unexpected_investigated"));
    const changed = figures(mazarsCopy({ld_unexpected_investigated: {status: "superseded"}}));
    assert.equal(changed.get("share_ld_unexpected_investigated"), undefined);
    assert.equal(get(changed, "ld_unexpected_investigated").value, 4, "the count itself is kept, to explain the correction");
  });
});
