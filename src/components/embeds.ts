/**
 * The charts an editor can embed, by id. Plain data, so that the site
 * configuration can list the embed pages without loading any chart code.
 */
export const EMBEDDABLE_CHARTS = [
  {id: "funnel", name: "From every death to an investigation"},
  {id: "service-groups", name: "Investigation rates by service group"},
  {id: "families", name: "Investigations that did not involve the family"},
  {id: "ld-context", name: "Learning disability: unexpected deaths investigated, in context"},
  {id: "ages", name: "Age at death"}
] as const;

export type EmbedId = (typeof EMBEDDABLE_CHARTS)[number]["id"];

export function embedPaths(): string[] {
  return EMBEDDABLE_CHARTS.map(({id}) => `/embed/${id}`);
}
