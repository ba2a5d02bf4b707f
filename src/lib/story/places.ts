/**
 * Places as a sentence names them. The data names a finding's location as its report does
 * ("Ravenswood House (secure unit, Fareham)", "Ravenswood House, Fareham", "Ravenswood House and
 * Southfield (forensic/secure)"), so one site can appear under several names; a list in prose
 * names each site once, with its town where any of its names gives one.
 */

/** The sites a location names, each with its town when it gives one. */
function sitesOf(location: string): {site: string; town?: string}[] {
  const aside = /\s*\(([^()]*)\)\s*$/.exec(location);
  const withoutAside = aside ? location.slice(0, aside.index) : location;
  // "(secure unit, Fareham)": the town is the aside's last part, when it is a proper name.
  const asideTown = aside?.[1]?.split(",").pop()?.trim();
  const [names = "", suffixTown] = withoutAside.split(/,\s*/);
  const town = suffixTown ?? (asideTown && /^[A-Z]/.test(asideTown) ? asideTown : undefined);
  return names.split(/\s+and\s+/).map((site) => ({site: site.trim(), town}));
}

/** Each site once, in the order first named: "Ravenswood House (Fareham)", "Southfield". */
export function siteNames(locations: readonly string[]): string[] {
  const towns = new Map<string, string | undefined>();
  for (const {site, town} of locations.flatMap(sitesOf)) towns.set(site, towns.get(site) ?? town);
  return [...towns].map(([site, town]) => (town ? `${site} (${town})` : site));
}

