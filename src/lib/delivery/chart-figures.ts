/**
 * The figures each chart of figures draws, by id, in the order drawn, with
 * what the chart calls them. The chart components draw from these lists and
 * the loaders send a page the figures its charts read from them
 * (src/lib/delivery/chart-reads.ts): one list, so the two cannot disagree. The
 * components run in the reader's browser: nothing here imports a library.
 */
/** The steps of the funnel, as figure ids; each step after the first is drawn with its share of the step before. */
export const FUNNEL_STEPS = [
  {id: "deaths_total", step: "All deaths in the review", share: null},
  {id: "deaths_reported_ulysses", step: "Reported on the incident system", share: "share_deaths_reported_ulysses"},
  {id: "deaths_unexpected", step: "Categorised as unexpected", share: "share_deaths_unexpected"},
  {id: "unexpected_reviewed", step: "Given some review", share: "share_unexpected_reviewed"},
  {id: "unexpected_investigated_cir_siri", step: "Investigated (CIR or SIRI)", share: "share_unexpected_investigated_cir_siri"}
] as const;

/** Investigation rates by service group: the figures in each panel, one panel per measure, and the group each is about. */
export const SERVICE_GROUP_MEASURES = [
  {
    measure: "Share of all deaths investigated (CIR or SIRI)",
    figures: [
      {id: "amh_all_investigated_pct", group: "Adult mental health"},
      {id: "ld_all_investigated_pct", group: "Learning disability"}
    ]
  },
  {
    measure: "Share of unexpected deaths investigated (CIR or SIRI)",
    figures: [
      {id: "amh_unexpected_investigated_pct", group: "Adult mental health"},
      {id: "share_ld_unexpected_investigated", group: "Learning disability"},
      {id: "share_unexpected_investigated_cir_siri", group: "All services"}
    ]
  },
  {measure: "Share of all deaths investigated as SIRI only", figures: [{id: "opmh_all_investigated_siri_pct", group: "Older people's mental health"}]}
] as const;

/** Families left out: the share drawn, and the two counts of investigations it could be a share of. */
export const FAMILIES_FIGURES = {
  notInvolved: "family_not_involved_pct",
  investigated: "unexpected_investigated_cir_siri",
  investigatedSiri: "investigated_siri"
} as const;

/** The trust's learning disability investigation rate against what others reported. */
export const LD_COMPARISON = [
  {id: "share_ld_unexpected_investigated", who: "Southern Health (Mazars review)", focus: true},
  {id: "guardian_ld_unexpected_investigated", who: "Hospitals in England (Guardian FOI)", focus: false},
  {id: "guardian_mh_trusts_ld_unexpected", who: "Mental health trusts (PA)", focus: false}
] as const;

/** Study, population and figure id of each age drawn. */
export const AGE_FIGURES = [
  {id: "ld_mean_age_at_death_draft", study: "Mazars review", population: "Learning disability"},
  {id: "ld_median_age_at_death", study: "Mazars review", population: "Learning disability"},
  {id: "cipold_median_age_men", study: "CIPOLD", population: "Learning disability, men"},
  {id: "cipold_median_age_women", study: "CIPOLD", population: "Learning disability, women"},
  {id: "leder2017_median_men", study: "LeDeR first report", population: "Learning disability, men"},
  {id: "leder2017_median_women", study: "LeDeR first report", population: "Learning disability, women"},
  {id: "leder2018_mean_age", study: "LeDeR second report", population: "Learning disability"},
  {id: "leder2019_median_ld_men", study: "LeDeR third report", population: "Learning disability, men"},
  {id: "leder2019_median_ld_women", study: "LeDeR third report", population: "Learning disability, women"},
  {id: "leder2019_median_general_men", study: "LeDeR third report", population: "General population, men"},
  {id: "leder2019_median_general_women", study: "LeDeR third report", population: "General population, women"}
] as const;

/** The leaked draft against the final report: rows pair figures by id (null where one side states nothing). */
export const DRAFT_FINAL_PAIRS = [
  {topic: "Deaths called “unexpected”", draft: "leak_unexpected_1454", final: "deaths_unexpected", why: "The leak counted every death reported on the incident system as unexpected; the final report counts those the trust categorised as unexpected, a subset."},
  {topic: "Deaths reported on the incident system", draft: null, final: "deaths_reported_ulysses", why: "The same count in both; the final report calls it what it is."},
  {topic: "Investigations reported as SIRI", draft: "investigated_siri", final: null, why: "Quoted from the draft and in Parliament; not re-confirmed from the final text."},
  {topic: "Age at death, learning disability", draft: "ld_mean_age_at_death_draft", final: "ld_median_age_at_death", why: "The draft gives a mean; the final report, as cited, a median. Different statistics, not a correction."}
] as const;
