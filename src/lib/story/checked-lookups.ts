/**
 * Records and figures by id, and items by position, as code names them: one
 * that names something the data does not have, or draws a number the data
 * does not state, fails, saying which. Runs in the reader's browser: types only.
 */
import type {Figure} from "./figures.js";
import type {Interval} from "./stats.js";

/** An event by its id; a chart or a page that names an event the record does not have fails, saying which. */
export function eventById<T extends {event_id: string}>(events: T[], id: string): T {
  const event = events.find((e) => e.event_id === id);
  if (!event) throw new Error(`no event '${id}' in data/events.csv`);
  return event;
}

/** The item at a position its caller knows is there (a column of a row, the byte of a table); `what` names the list in the error. */
export function at<T>(items: ArrayLike<T>, index: number, what: string): T {
  const item = items[index];
  if (item === undefined) throw new Error(`${what} has no item ${index} (it has ${items.length})`);
  return item;
}

/** A figure by its id, among those a chart or page was sent. */
export function figureById(figures: Record<string, Figure>, id: string): Figure {
  const figure = figures[id];
  if (figure === undefined) throw new Error(`no figure '${id}' among those sent`);
  return figure;
}

/** A figure's value, for a chart that draws it: a figure not known has nothing to draw. */
export function knownValue(figure: Figure): number {
  if (figure.value === null) throw new Error(`the figure '${figure.id}' is not known, so it cannot be drawn`);
  return figure.value;
}

/** The counts of a share computed from them, and its interval: what a chart of intervals draws. */
export function shareCounts(figure: Figure): {numerator: number; denominator: number; interval: Interval} {
  const {numerator, denominator, interval} = figure;
  if (numerator === null || denominator === null || interval === null) throw new Error(`the figure '${figure.id}' is not a share computed from counts`);
  return {numerator, denominator, interval};
}
