/**
 * Every published chart by id, drawn from the data the pages load. The story
 * pages and the embed pages call the same functions, so an embedded chart is
 * the chart on the page.
 */
import type {Figure} from "../lib/figures.js";
import type {InspectionRecord} from "../lib/story.js";
import {AgesChart} from "./ages.js";
import type {EmbedId} from "./embeds.js";
import {FamiliesChart} from "./families.js";
import {FunnelChart} from "./funnel.js";
import {LdContextChart} from "./ld-context.js";
import {ServiceGroupsChart} from "./service-groups.js";

export interface ChartData {
  figures: Record<string, Figure>;
  record: InspectionRecord;
}

type Render = (data: ChartData, width: number) => HTMLElement;

export const CHARTS: Record<EmbedId, Render> = {
  funnel: ({figures}, width) => FunnelChart(figures, {width}),
  "service-groups": ({figures}, width) => ServiceGroupsChart(figures, {width}),
  families: ({figures}, width) => FamiliesChart(figures, {width}),
  "ld-context": ({figures}, width) => LdContextChart(figures, {width}),
  ages: ({figures}, width) => AgesChart(figures, {width})
};

export function renderChart(id: string, data: ChartData, width: number): HTMLElement {
  const render = CHARTS[id as EmbedId];
  if (!render) throw new Error(`no chart named '${id}'`);
  return render(data, width);
}
