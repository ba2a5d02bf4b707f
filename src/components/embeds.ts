/**
 * The charts an editor can embed, by id. Plain data, so that the site
 * configuration can list the embed pages without loading any chart code.
 */
export const EMBEDDABLE_CHARTS = [
  {id: "funnel", name: "From every death to an investigation"},
  {id: "service-groups", name: "Investigation rates by service group"},
  {id: "families", name: "Investigations that did not involve the family"},
  {id: "ld-context", name: "Learning disability: unexpected deaths investigated, in context"},
  {id: "ages", name: "Age at death"},
  {id: "ratings-trust", name: "CQC ratings of the trust, by inspection and key question"},
  {id: "ratings-core-services", name: "CQC ratings of core services"},
  {id: "ligature-thread", name: "Ligature risks: from the first warning to the focused inspection"},
  {id: "warning-notice", name: "The warning notice, from the Mazars report to its requirements being met"},
  {id: "fines", name: "Prosecutions and fines"},
  {id: "crisis-timeline", name: "The crisis of 2016, month by month"},
  {id: "timeline", name: "Timeline of events"},
  {id: "leadership", name: "Who chaired and led the trust"},
  {id: "findings", name: "Every inspection finding, with its source"}
] as const;

export type EmbedId = (typeof EMBEDDABLE_CHARTS)[number]["id"];

export function embedPaths(): string[] {
  return EMBEDDABLE_CHARTS.map(({id}) => `/embed/${id}`);
}
