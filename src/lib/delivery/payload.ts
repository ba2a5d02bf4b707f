/**
 * What the loaders send to the pages: each source once, by id. Figures and
 * records name their sources by id in the JSON, and the page resolves them
 * back to the same shape the code was written for, so a source cited by fifty
 * records costs its bytes once.
 */
import type {SourceRef} from "../story/figures.js";

type Json = unknown;

/** The keys under which figures and records list their sources. */
const SOURCE_LISTS = new Set(["sources", "leadSources"]);

/** Replaces every `source` and `sources` holding source objects by their ids, and lists each source once. */
export function packSources<T extends object>(payload: T): T & {sources: Record<string, SourceRef>} {
  const sources: Record<string, SourceRef> = {};
  const keep = (source: SourceRef) => ((sources[source.id] = source), source.id);
  const walk = (value: Json): Json => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== "object") return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => {
        if (key === "source" && isSource(v)) return [key, keep(v)];
        if (SOURCE_LISTS.has(key) && Array.isArray(v) && v.every(isSource)) return [key, v.map(keep)];
        return [key, walk(v)];
      })
    );
  };
  const packed = walk(payload) as T;
  return {...packed, sources};
}

/** The reverse, on the page: ids back to the source objects. */
export function unpackSources<T>(payload: T & {sources: Record<string, SourceRef>}): T {
  const {sources, ...rest} = payload;
  const find = (id: string) => {
    const source = sources[id];
    if (!source) throw new Error(`the data names the unknown source '${id}'`);
    return source;
  };
  const walk = (value: Json): Json => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== "object") return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => {
        if (key === "source" && typeof v === "string") return [key, find(v)];
        if (SOURCE_LISTS.has(key) && Array.isArray(v) && v.every((x) => typeof x === "string")) return [key, v.map(find)];
        return [key, walk(v)];
      })
    );
  };
  return walk(rest) as T;
}

function isSource(value: Json): value is SourceRef {
  return typeof value === "object" && value !== null && "id" in value && "url" in value && "publisher" in value;
}
