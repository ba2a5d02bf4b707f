/**
 * Families left out: the share of investigations that did not involve the
 * family, drawn as 100 squares so that the proportion reads as people. The
 * review did not publish the count behind it, so no interval is drawn.
 */
import * as Plot from "npm:@observablehq/plot";
import type {Figure} from "../../lib/story/figures.js";
import {ChartFrame} from "../frame/frame.js";
import {CONTEXT, FOCUS} from "./palette.js";
import {FAMILIES_FIGURES} from "../../lib/delivery/chart-figures.js";
import {figureById, knownValue} from "../../lib/story/checked-lookups.js";

export interface WaffleCell {
  index: number;
  column: number;
  row: number;
  involved: string;
}

export function waffleCells(percent: number): WaffleCell[] {
  const filled = Math.round(percent);
  return Array.from({length: 100}, (_, index) => ({
    index,
    column: index % 10,
    row: Math.floor(index / 10),
    involved: index < filled ? "Family not involved" : "Family involved"
  }));
}

export function FamiliesChart(figures: Record<string, Figure>, {width}: {width: number}): HTMLElement {
  const figure = figureById(figures, FAMILIES_FIGURES.notInvolved);
  const percent = knownValue(figure);
  const cells = waffleCells(percent);
  const size = Math.min(width, 320);
  const chart = Plot.plot({
    width: size,
    height: size,
    margin: 0,
    x: {axis: null, domain: Array.from({length: 10}, (_, i) => i), padding: 0.12},
    y: {axis: null, domain: Array.from({length: 10}, (_, i) => i), padding: 0.12},
    color: {domain: ["Family not involved", "Family involved"], range: [FOCUS, CONTEXT], legend: true},
    marks: [Plot.cell(cells, {x: "column", y: "row", fill: "involved"})]
  });
  return ChartFrame(chart, {
    id: "families",
    title: `In ${figure.display} of investigations, the family was not involved`,
    subtitle: "Investigations into unexpected deaths, out of every 100, that did not involve the family",
    alt: `A grid of 100 squares, ${Math.round(percent)} of them marked: ${figure.display} of investigations into unexpected deaths did not involve the family.`,
    sources: figure.leadSources,
    notes: [
      `The review's summaries give the share but not the number of investigations it is a share of (${figureById(figures, FAMILIES_FIGURES.investigated).display} or ${figureById(figures, FAMILIES_FIGURES.investigatedSiri).display}), so no interval can be computed.`
    ],
    data: [{figure_id: figure.id, measure: figure.label, percent, reported_as: figure.display, status: figure.status}],
    statuses: [figure.status]
  });
}
