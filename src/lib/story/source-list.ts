/** A list of sources with each source once, in the order first cited (by id). */
export function uniqueSources<T extends {id: string}>(sources: T[]): T[] {
  return [...new Map(sources.map((s) => [s.id, s])).values()];
}
