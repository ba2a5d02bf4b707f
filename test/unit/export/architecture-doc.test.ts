/**
 * docs/architecture.md lists the charts and the build's page steps from the
 * code: the committed file must be what the generator writes now, and the
 * generator must follow the registry and the step list.
 */
import {at} from "../../../src/lib/story/checked-lookups.js";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {test} from "node:test";
import {ARCHITECTURE_PATH, renderArchitecture, renderCharts, renderSteps} from "../../../scripts/tools/architecture-doc.js";
import {CHART_REGISTRY} from "../../../src/components/charts/chart-registry.js";
import {STEPS} from "../../../scripts/steps/index.js";

test("docs/architecture.md is up to date with the chart registry and the step list (run `npm run docs:architecture` if not)", () => {
  const committed = readFileSync(ARCHITECTURE_PATH, "utf8");
  assert.ok(committed === renderArchitecture(committed), "docs/architecture.md is stale: run `npm run docs:architecture`");
});

test("a chart added to the registry, or a step to the list, shows up in its place", () => {
  const charts = renderCharts({...CHART_REGISTRY, "new-chart": {title: "A new chart", reads: {figures: ["a", "b"], events: "all"}}});
  assert.match(charts, /\| `new-chart` \| A new chart \| 2 figures; every event \| none \| drawn on its page only \|/);
  const steps = renderSteps([...STEPS, {...at(STEPS, 0, "steps"), name: "content security policy", scope: "every page", purpose: "adds the page's policy"}]);
  assert.match(steps, new RegExp(`^${STEPS.length + 1}\\. \\*\\*content security policy\\*\\* \\(every page\\): adds the page's policy\\.$`, "m"));
  assert.throws(() => renderArchitecture("no markers here"), /no generated block 'charts'/);
});
