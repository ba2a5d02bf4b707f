/**
 * Pages that reproduce another's words: a release reprinted by a trade site, a
 * statement retold by a news outlet, another outlet's story copied onto a blog.
 * A source is judged by what it copies, not by who copied it: a faithful
 * reprint of a primary document counts as that document (and is named as such,
 * "NHS England's release, as printed by Learning Disability Today"), a rewrite
 * of a primary document is reporting of it, and any copy of another outlet's
 * story or of a secondary page is secondary. A page that is its own report but
 * reuses passages first published elsewhere ("in part") keeps its own standing;
 * the records resting on those passages cite, or are dated by, the original.
 */
import type {SourceKind} from "./provenance.js";
import type {Sources} from "./rows.js";

export const COPY_TYPES = {
  reprint: "prints the original's words",
  rewrite: "retells the original in its own words, keeping its quotes",
  "in part": "is its own report but reuses passages first published elsewhere"
} as const;
export type CopyType = keyof typeof COPY_TYPES;

/** What a page copies, as sources.csv records it. */
export interface Copy {
  /** Whose words and what they are: "NHS England's release". */
  of: string;
  type: CopyType;
  /** What the original is, by the vocabulary of sources.kind. */
  ofKind: Exclude<SourceKind, "mirror">;
  /** The original's own row in sources.csv, when its page is stored. */
  ofSourceId: string | null;
  /** Which words were compared with which earlier page. */
  evidence: string;
}

type CopyColumns = Pick<Sources, "copy_of" | "copy_type" | "copy_of_kind" | "copy_of_source_id" | "copy_evidence">;

/** The copy a sources row records, or null for a page that is its own words. */
export function copyOf(row: CopyColumns): Copy | null {
  if (!row.copy_type || !row.copy_of || !row.copy_of_kind) return null;
  return {
    of: row.copy_of,
    type: row.copy_type,
    ofKind: row.copy_of_kind,
    ofSourceId: row.copy_of_source_id ?? null,
    evidence: row.copy_evidence ?? ""
  };
}

/** A reprint of a primary document counts as that document. */
export function isPrimaryReprint(copy: Copy | null): copy is Copy & {type: "reprint"; ofKind: "primary document"} {
  return copy !== null && copy.type === "reprint" && copy.ofKind === "primary document";
}

/**
 * The standing of a page in the record: what a record resting on it can be.
 * Its own kind, unless it copies another's words; then what it copies decides.
 */
export function standingOf(kind: SourceKind, copy: Copy | null): SourceKind {
  if (copy === null || copy.type === "in part") return kind;
  if (isPrimaryReprint(copy)) return "primary document";
  // A rewrite of a primary document is reporting of it, but no more than the page's own kind allows.
  if (copy.ofKind === "primary document") return kind === "primary document" || kind === "original reporting" ? "original reporting" : kind;
  return kind === "mirror" ? "mirror" : "secondary";
}

/** "Stepping Forward (stepping-forward.org.uk, repost of …)" → "Stepping Forward": the name, without our description of the site. */
export function publisherName(publisher: string): string {
  return publisher.replace(/\s*\([^()]*\)$/, "");
}

/**
 * The name a reader sees for a source: its publisher, or for a copy of a
 * primary document, the document first ("NHS England's release, as printed by
 * Learning Disability Today"; "National Health Executive, reporting NHS
 * Improvement's statement of 6 April 2016").
 */
export function creditOf(publisher: string, copy: Copy | null): string {
  if (isPrimaryReprint(copy)) return `${copy.of}, as printed by ${publisherName(publisher)}`;
  if (copy !== null && copy.type === "rewrite" && copy.ofKind === "primary document") return `${publisherName(publisher)}, reporting ${copy.of}`;
  return publisher;
}
