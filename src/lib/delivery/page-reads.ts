/**
 * What each story page reads, declared once: the figures, events, statements
 * and findings its prose and tables name, and the charts it draws (each of
 * which brings what its entry in src/components/charts/chart-registry.ts reads). The loader
 * src/data/pages/[page].json.ts sends a page exactly this, so a reader
 * downloads what the page shows, never the whole fact base.
 *
 * The lists must follow the pages: test/unit/data/page-reads.test.ts fails when a
 * page names an id its entry does not list, or lists one it no longer names,
 * and a page that reads a figure it was not sent fails the build.
 */
import type {Reads} from "./chart-reads.js";
import {REPEAT_FINDING} from "./chart-records.js";

export interface PageReads extends Reads {
  /** The charts and tables it draws, by their ids in the chart registry (src/components/charts/chart-registry.ts): each brings what it reads. */
  charts?: readonly string[];
}

export const PAGE_READS = {
  index: {
    charts: ["funnel"],
    figures: [
      "deaths_total",
      "deaths_reported_ulysses",
      "share_deaths_reported_ulysses",
      "deaths_unexpected",
      "share_deaths_unexpected",
      "unexpected_investigated_cir_siri",
      "share_unexpected_investigated_cir_siri",
      "ld_unexpected",
      "ld_unexpected_investigated"
    ],
    events: ["2015_12_09_mazars_draft_leaked", "2015_12_17_mazars_final_published", "2016_03_16_warning_notice_issued", "2016_04_28_chair_resigns"]
  },
  deaths: {
    charts: ["funnel", "service-groups", "families", "draft-final"],
    figures: [
      "deaths_total",
      "deaths_reported_ulysses",
      "share_deaths_reported_ulysses",
      "deaths_unexpected",
      "share_unexpected_of_all",
      "unexpected_reviewed",
      "share_unexpected_reviewed",
      "unexpected_investigated_cir_siri",
      "share_unexpected_investigated_cir_siri",
      "amh_all_investigated_pct",
      "amh_unexpected_investigated_pct",
      "ld_all_investigated_pct",
      "ld_unexpected",
      "ld_unexpected_investigated",
      "share_ld_unexpected_investigated",
      "opmh_all_investigated_siri_pct",
      "family_not_involved_pct",
      "days_leak_to_report",
      "leak_unexpected_1454"
    ],
    claims: "all",
    events: ["2015_12_09_mazars_draft_leaked", "2015_12_17_mazars_final_published"]
  },
  "crisis-2016": {
    charts: ["crisis-timeline"],
    figures: ["deaths_total", "deaths_unexpected", "unexpected_investigated_cir_siri", "2016_04_focused_inspectors"],
    statements: [
      "cqc_warning_notice_statement",
      "mclean_safe_care",
      "mclean_will_act",
      "petter_resignation_statement",
      "petter_resignation_reason",
      "petter_background",
      "percy_will_not_quit",
      "stevens_real_changes",
      "locke_family_legal_action",
      "trust_locke_response"
    ],
    events: [
      "2015_12_09_mazars_draft_leaked",
      "2015_12_10_commons_urgent_question",
      "2015_12_17_mazars_final_published",
      "2016_01_19_cqc_focused_inspection",
      "2016_03_16_warning_notice_issued",
      "2016_03_24_improvement_director",
      "2016_04_06_warning_notice_announced",
      "2016_04_14_licence_condition",
      "2016_04_28_chair_resigns",
      "2016_04_29_cqc_focused_report",
      "2016_04_29_smart_chair_notified",
      "2016_05_03_urgent_question",
      "2016_08_30_percy_steps_down",
      "2016_10_percy_leaves_trust",
      "2016_11_25_warning_notice_met"
    ]
  },
  "learning-disability": {
    charts: ["ld-context", "ages"],
    figures: [
      "ld_deaths_total",
      "share_ld_deaths_total",
      "ld_unexpected",
      "ld_unexpected_investigated",
      "share_ld_unexpected_investigated",
      "guardian_ld_unexpected_investigated",
      "guardian_mh_trusts_ld_unexpected",
      "guardian_ld_deaths_investigated",
      "ld_all_investigated_pct",
      "ld_mean_age_at_death_draft",
      "ld_median_age_at_death",
      "leder2019_median_ld_women",
      "leder2019_median_ld_men",
      "leder2019_median_general_women",
      "leder2019_median_general_men"
    ]
  },
  warnings: {
    charts: ["ligature-thread", "warning-notice", "fines"],
    figures: [
      REPEAT_FINDING,
      "2016_04_focused_inspectors",
      "2016_11_ward_risk_plans_missing",
      "2017_06_melbury_roof_prior_incidents",
      "2017_10_cqc_fine",
      "2017_10_cqc_prosecution_costs",
      "2018_03_hse_fine_total",
      "2018_03_hse_fine_sparrowhawk",
      "2018_03_hse_fine_colvin",
      "fines_and_costs_total"
    ],
    findings: [
      REPEAT_FINDING,
      "2015_02_forensic_ligature_requirement",
      "2016_04_ligature_anchor_points_preview",
      "2016_04_warning_notice_announced",
      "2016_04_locations_acted_after_warning_notice",
      "2016_11_warning_notice_met",
      "2017_06_cqc_guilty_plea",
      "2018_03_hse_fine_sparrowhawk",
      "2018_03_hse_fine_colvin"
    ],
    events: [
      "2012_04_teresa_colvin_found",
      "2013_07_04_connor_dies",
      "2015_12_17_mazars_final_published",
      "2016_01_19_cqc_focused_inspection",
      "2016_03_16_warning_notice_issued",
      "2016_04_29_cqc_focused_report",
      "2016_09_cqc_follow_up_inspection",
      "2016_11_25_warning_notice_met",
      "2017_06_29_cqc_guilty_plea",
      "2017_09_18_hse_sparrowhawk_guilty_plea",
      "2017_10_12_cqc_fine",
      "2017_11_hse_colvin_guilty_plea",
      "2018_03_26_hse_fine"
    ]
  },
  // The timeline counts and lists every event, and names the terms with an open start or end.
  timeline: {charts: ["timeline", "leadership"], events: "all", terms: "all"},
  findings: {charts: ["findings"], findings: "all"},
  ratings: {charts: ["ratings-trust", "ratings-core-services"], ratings: "all"}
} as const satisfies Record<string, PageReads>;

export type StoryPage = keyof typeof PAGE_READS;

