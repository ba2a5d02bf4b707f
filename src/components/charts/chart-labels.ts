/**
 * Labels on narrow charts. Plot wraps a text by estimating its width, and cuts
 * what does not fit; a chart whose rows must make room for a wrapped label
 * needs to know how many lines it takes before it is drawn. So labels are
 * wrapped here, into explicit lines, by a deliberately generous estimate of a
 * character's width (a label a little short of its room is better than one
 * cut or running into its neighbour). A label that sits over grid lines,
 * rules or a connecting line wears a halo of the page's background, so no
 * line strikes through it.
 */

/** Average width of a character, in ems: generous for the sans-serif fonts the charts use (bold included). */
const CHARACTER = 0.55;

/** The lines a label takes in `width` pixels at `fontSize`. A word longer than a line keeps a line of its own. */
export function wrapLabel(text: string, width: number, fontSize: number): string[] {
  const perLine = Math.max(8, Math.floor(width / (fontSize * CHARACTER)));
  const lines: string[] = [];
  let line = "";
  for (const word of text.trim().split(/\s+/)) {
    if (line && line.length + 1 + word.length > perLine) lines.push(line), (line = word);
    else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

/** Text options for a label drawn over lines: a halo in the page's background colour behind each glyph. */
export const HALO = {stroke: "var(--theme-background)", strokeWidth: 8, strokeLinejoin: "round", paintOrder: "stroke"} as const;

/**
 * Room for a bottom axis's title below its tick labels. The page sets chart text at 12 px
 * (style.css), larger than the 10 px Plot lays an axis out for, so with Plot's default offset the
 * title touches the ticks' numbers.
 */
export const BOTTOM_AXIS = {marginBottom: 42, labelOffset: 38} as const;

/** Line height of chart labels, in ems. */
export const LINE_HEIGHT = 1.2;
