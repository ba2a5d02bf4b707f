/**
 * How a date known only to its month or its year is drawn on a time axis. A
 * filled bar over the span read as something going on all that time; an event
 * known only to be "in 2016" happened once, somewhere inside it. So a span
 * wide enough to see is a faint dotted bracket (a tick at each end) over the
 * days it may be; one too narrow to see (a month on an axis of years) is a
 * small square, where a date known to the day is a round dot. From a
 * secondary source the square is hollow and the bracket fainter. A bracket
 * that runs on past the chart's edge ends there in an arrowhead, not in a
 * tick, so that a reader does not take the edge for its end.
 */
import * as Plot from "npm:@observablehq/plot";

export interface DateSpanOptions<T> {
  /** The band the row sits in (a channel name or accessor). */
  y: string | ((row: T) => string);
  /** The mark's offset from the middle of the band, in pixels. */
  dy: number;
  /** The band's height, in pixels. */
  rowHeight: number;
  /** Colour: a constant or a channel of the chart's colour scale. */
  stroke: string | ((row: T) => string);
  /** Whether the row's date comes from a final source (solid) or not (dashed). */
  solid: (row: T) => boolean;
  title: (row: T) => string;
  /** The x scale's pixels per millisecond, to tell a span too narrow to see. */
  pixelsPerMs: number;
  /** The chart's time axis, from its first instant to the first after it: a bracket that runs past it is cut there. */
  domain: [Date, Date];
}

const TICK = 10;
/** Spans narrower than this, in pixels, are drawn as a square. */
const NARROWEST = 14;

/** Whether a span runs on past the start (-1) or the end (1) of the axis. */
function beyond(row: {start: Date; end: Date}, [from, to]: [Date, Date], side: -1 | 1): boolean {
  return side < 0 ? row.start < from : row.end > to;
}

/** How many of the rows run on past the axis at either end, for the chart's note. */
export function spansBeyond(rows: {start: Date; end: Date}[], domain: [Date, Date]): number {
  return rows.filter((row) => beyond(row, domain, -1) || beyond(row, domain, 1)).length;
}

/** Rows dated by the span they may fall in, from `start` to `end` (the first instant after it). */
export function dateSpanMarks<T extends {start: Date; end: Date}>(rows: T[], options: DateSpanOptions<T>): Plot.Markish[] {
  const {y, dy, rowHeight, stroke, solid, title, pixelsPerMs, domain} = options;
  const x1 = "start";
  const x2 = "end";
  // A band mark inset so that it spans `height` pixels centred `dy` below the band's middle.
  const inset = (height: number) => ({insetTop: rowHeight / 2 + dy - height / 2, insetBottom: rowHeight / 2 - dy - height / 2});
  const wide = (row: T) => (row.end.getTime() - row.start.getTime()) * pixelsPerMs >= NARROWEST;
  // The end of a span is the first instant after it: its tick is drawn a moment before.
  const last = (row: T) => new Date(row.end.getTime() - 1);
  const middle = (row: T) => new Date((row.start.getTime() + row.end.getTime()) / 2);
  return [true, false]
    .flatMap((final) => {
      const brackets = rows.filter((row) => solid(row) === final && wide(row));
      const squares = rows.filter((row) => solid(row) === final && !wide(row));
      const line = {stroke, strokeWidth: 1.5, strokeOpacity: final ? 0.9 : 0.5, clip: true};
      // An arrowhead just inside the edge a bracket runs past, pointing on: left (-90°) or right (90°).
      const arrow = (side: -1 | 1) =>
        Plot.dot(
          brackets.filter((row) => beyond(row, domain, side)),
          {x: () => domain[side < 0 ? 0 : 1], dx: -side * 5, y, dy, symbol: "triangle", rotate: side * 90, r: 3.5, fill: stroke, fillOpacity: final ? 0.9 : 0.5, title}
        );
      return [
        Plot.ruleY(brackets, {...line, y, dy, x1, x2, strokeDasharray: "1,3", strokeLinecap: "round"}),
        Plot.tickX(brackets.filter((row) => !beyond(row, domain, -1)), {...line, y, x: x1, ...inset(TICK)}),
        Plot.tickX(brackets.filter((row) => !beyond(row, domain, 1)), {...line, y, x: last, ...inset(TICK)}),
        arrow(-1),
        arrow(1),
        Plot.dot(squares, {x: middle, y, dy, symbol: "square", r: 4.5, fill: final ? stroke : "none", stroke, strokeWidth: 1.5, clip: true, title})
      ];
    })
    .concat([
      // An invisible target over each bracket carries its tooltip (the dotted line is too thin to point at).
      Plot.barX(rows.filter(wide), {x1, x2, y, fill: "currentColor", fillOpacity: 0, ...inset(TICK + 6), clip: true, title})
    ]);
}
