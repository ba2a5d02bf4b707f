/**
 * The status vocabulary of the fact base, defined once: what each status is
 * called on the page, what it means, and how the statuses rank. A figure is
 * only as good as its weakest input, so the rank decides what a computed
 * figure inherits.
 */

export const STATUS_LABELS = {
  final: "Final",
  secondary: "Secondary source",
  draft: "Leaked draft",
  superseded: "Later corrected",
  unconfirmed: "Not known"
} as const;

export type Status = keyof typeof STATUS_LABELS;

/**
 * The one-letter mark a figure carries in a sentence when it is not final, so
 * that the sentence still reads; the figure's card spells the status out, and
 * the legend in every page's footer explains the marks.
 */
export const STATUS_MARKS: Record<Status, string> = {
  final: "",
  secondary: "S",
  draft: "D",
  superseded: "X",
  unconfirmed: ""
};

/** The legend of the marks, for the footer. */
export function statusLegend(): string {
  return (Object.keys(STATUS_MARKS) as Status[])
    .filter((s) => STATUS_MARKS[s])
    .map((s) => `<span class="status-mark status-${s}">${STATUS_MARKS[s]}</span> ${STATUS_LABELS[s].toLowerCase()}`)
    .join(", ");
}

/** From most to least trustworthy. */
export const STATUS_RANK: readonly Status[] = ["final", "secondary", "draft", "superseded", "unconfirmed"];

/** What a reader is told a status means, under a chart or beside a figure. */
export const STATUS_NOTES: Record<Status, string> = {
  final: "",
  secondary: "stated only by a secondary source (a blog, charity, law firm, council summary or copy of another outlet's report), not by a primary document or original reporting.",
  draft: "from the leaked draft of the Mazars report (December 2015), not the final text.",
  superseded: "a figure as first reported, later corrected; shown only to explain the correction.",
  unconfirmed: "no published source gives it; shown as a gap, never estimated."
};

export function weakestStatus(statuses: Status[]): Status {
  const weakest = STATUS_RANK[Math.max(...statuses.map((s) => STATUS_RANK.indexOf(s)))];
  if (weakest === undefined) throw new Error("a status is weighed from at least one input");
  return weakest;
}
