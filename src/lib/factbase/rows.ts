// Generated from data/datapackage.json by scripts/tools/row-types.ts (npm run docs:data): do not edit.
// One interface per table: a row as the fact base validates it.

/** Sources: a row of data/sources.csv. */
export type Sources = {
  source_id: string;
  publisher: string;
  title: string;
  url: string;
  published: string | null;
  published_precision: "year" | "month" | "day" | null;
  kind: "primary document" | "original reporting" | "secondary" | "mirror";
  copy_of: string | null;
  copy_type: "reprint" | "rewrite" | "in part" | null;
  copy_of_kind: "primary document" | "original reporting" | "secondary" | null;
  copy_of_source_id: string | null;
  copy_evidence: string | null;
};

/** Mazars review figures: a row of data/mazars_figures.csv. */
export type MazarsFigures = {
  figure_id: string;
  measure: string;
  service_group: "all" | "adult mental health" | "learning disability" | "older people's mental health";
  statistic: "count" | "share" | "mean" | "median";
  value: number | null;
  unit: "deaths" | "percent" | "years";
  denominator_id: string | null;
  base: string | null;
  investigation_type: "CIR or SIRI" | "SIRI" | "some review" | null;
  reported_as: string | null;
  period_start: string;
  period_end: string;
  report_version: "final" | "draft";
  status: "final" | "secondary" | "draft" | "superseded" | "unconfirmed";
  source_id: string;
  other_source_ids: string | null;
  quote: string;
  note: string | null;
};

/** CQC ratings: a row of data/cqc_ratings.csv. */
export type CqcRatings = {
  rating_id: string;
  inspection_id: string;
  inspected: string | null;
  inspected_precision: "year" | "month" | "day" | null;
  inspected_note: string | null;
  published: string | null;
  published_precision: "year" | "month" | "day" | null;
  published_note: string | null;
  scope: "trust" | "core service";
  service: string;
  key_question: "safe" | "effective" | "caring" | "responsive" | "well-led" | "overall" | "all";
  rating: "outstanding" | "good" | "requires improvement" | "inadequate" | "not published" | "not found";
  rating_basis: "stated" | "inferred" | null;
  previous_rating: "outstanding" | "good" | "requires improvement" | "inadequate" | null;
  status: "final" | "secondary" | "draft" | "superseded" | "unconfirmed";
  source_id: string;
  other_source_ids: string | null;
  quote: string | null;
  note: string | null;
};

/** Inspection findings, enforcement and prosecutions: a row of data/cqc_findings.csv. */
export type CqcFindings = {
  finding_id: string;
  event: string;
  body: "CQC" | "HSE" | "NHS Improvement" | "trust";
  inspected: string | null;
  inspected_precision: "year" | "month" | "day" | null;
  inspected_note: string | null;
  dated: string;
  dated_precision: "year" | "month" | "day";
  date_role: "published" | "issued" | "announced" | "guilty plea" | "sentence";
  location: string | null;
  theme: "ligature" | "environment" | "governance" | "staffing" | "training" | "incident reporting" | "enforcement" | "prosecution" | "fine" | "scope" | "risk plans" | "mortality reviews" | "finance" | "standards" | "regulator" | "learning from deaths";
  finding: string;
  value: number | null;
  qualifier: "more than" | "no fewer than" | "about" | "less than" | null;
  unit: "GBP" | "percent" | "inspectors" | "sites" | "reports" | "locations" | "deaths" | "occasions" | "standards failed" | "prior inspections" | null;
  status: "final" | "secondary" | "draft" | "superseded" | "unconfirmed";
  source_id: string;
  other_source_ids: string | null;
  quote: string;
};

/** Timeline of events: a row of data/events.csv. */
export type Events = {
  event_id: string;
  date: string;
  date_precision: "year" | "month" | "day";
  date_note: string | null;
  event: string;
  people: string | null;
  category: "organisation" | "death" | "inspection" | "rating" | "report" | "inquest" | "parliament" | "enforcement" | "regulator" | "leadership" | "legal" | "prosecution" | "national review";
  status: "final" | "secondary" | "draft" | "superseded" | "unconfirmed";
  source_id: string;
  other_source_ids: string | null;
  quote: string;
};

/** Leadership terms: a row of data/leadership_terms.csv. */
export type LeadershipTerms = {
  term_id: string;
  role: "chair" | "interim chair" | "chief executive" | "interim chief executive";
  person: string;
  start_event_id: string | null;
  end_event_id: string | null;
  note: string | null;
};

/** National comparators: a row of data/comparators.csv. */
export type Comparators = {
  comparator_id: string;
  measure: string;
  population: string | null;
  group: string | null;
  statistic: "count" | "share" | "proportion" | "mean" | "median" | "difference" | "rate";
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  unit: "deaths" | "deaths per year" | "years" | "percent" | "trusts" | "per 100000 deaths";
  period: string | null;
  status: "final" | "secondary" | "draft" | "superseded" | "unconfirmed";
  source_id: string;
  other_source_ids: string | null;
  quote: string;
  note: string | null;
};

/** Trust facts: a row of data/trust_facts.csv. */
export type TrustFacts = {
  fact_id: string;
  measure: string;
  value: number;
  qualifier: "more than" | "no fewer than" | "about" | "less than" | null;
  unit: "people" | "staff" | "sites" | "GBP" | "GBP per year" | "beds" | "years" | "days";
  as_of: string | null;
  as_of_precision: "year" | "month" | "day" | null;
  status: "final" | "secondary" | "draft" | "superseded" | "unconfirmed";
  source_id: string;
  other_source_ids: string | null;
  quote: string;
  note: string | null;
};

/** Trust responses to the Mazars review: a row of data/claims.csv. */
export type Claims = {
  claim_id: string;
  claimant: string;
  claim: string;
  disputes: string;
  date: string | null;
  date_precision: "year" | "month" | "day" | null;
  status: "final" | "secondary" | "draft" | "superseded" | "unconfirmed";
  source_id: string;
  other_source_ids: string | null;
  quote: string;
};

/** Attributed statements: a row of data/statements.csv. */
export type Statements = {
  statement_id: string;
  date: string;
  date_precision: "year" | "month" | "day";
  date_note: string | null;
  speaker: string;
  role: string | null;
  organisation: string | null;
  kind: "own words" | "reported";
  words: string;
  note: string | null;
  status: "final" | "secondary" | "draft" | "superseded" | "unconfirmed";
  source_id: string;
  other_source_ids: string | null;
};

/** Where sources disagree: a row of data/disagreements.csv. */
export type Disagreements = {
  disagreement_id: string;
  resource: "mazars_figures" | "cqc_ratings" | "cqc_findings" | "events" | "comparators" | "trust_facts" | "claims" | "statements";
  record_id: string;
  field: string;
  other_value: string;
  source_id: string;
  quote: string;
  resolution: string;
};

/** Every table by name, with its row type. */
export type TableRows = {
  sources: Sources;
  mazars_figures: MazarsFigures;
  cqc_ratings: CqcRatings;
  cqc_findings: CqcFindings;
  events: Events;
  leadership_terms: LeadershipTerms;
  comparators: Comparators;
  trust_facts: TrustFacts;
  claims: Claims;
  statements: Statements;
  disagreements: Disagreements;
};

export type TableName = keyof TableRows;
