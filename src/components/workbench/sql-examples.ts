/**
 * Example queries for the SQL workbench, each answering a question a reporter
 * would ask of the fact base. docs/analysts.md quotes them; a unit test keeps
 * the two the same.
 */

export interface SqlExample {
  id: string;
  question: string;
  sql: string;
}

export const SQL_EXAMPLES: SqlExample[] = [
  {
    id: "investigation-rates",
    question: "How many deaths were investigated, out of how many, in each group?",
    sql: `-- Investigation rates with their denominators: Southern Health's counts
-- from the Mazars review (each count over the count it is a share of),
-- then national comparators that give a numerator and a denominator.
SELECT 'Southern Health' AS population,
       f.service_group AS "group",
       f.measure,
       f.value::INTEGER AS investigated,
       d.value::INTEGER AS denominator,
       round(100 * f.value / d.value, 1) AS percent
FROM mazars_figures AS f
JOIN mazars_figures AS d ON d.figure_id = f.denominator_id
WHERE f.statistic = 'count' AND f.measure ILIKE '%investigated%'
UNION ALL
SELECT population, "group", measure, numerator, denominator,
       round(100 * numerator / denominator, 1)
FROM comparators
WHERE numerator IS NOT NULL AND measure ILIKE '%investigated%'
ORDER BY percent`
  },
  {
    id: "mazars-to-resignation",
    question: "What happened between the Mazars report and the chair's resignation?",
    sql: `-- Events from the final Mazars report to the chair's resignation, each end
-- taken from the events table. Partial dates count only if their whole span
-- falls inside: an event dated just to a year is left out, not guessed.
WITH bounds AS (
  SELECT (SELECT date_from FROM events WHERE event_id = '2015_12_17_mazars_final_published') AS first_day,
         (SELECT date_to FROM events WHERE event_id = '2016_04_28_chair_resigns') AS last_day
)
SELECT date, event, category, status
FROM events, bounds
WHERE date_from >= first_day AND date_to <= last_day
ORDER BY date_from, event_id`
  },
  {
    id: "findings-by-theme-year",
    question: "Which kinds of finding were made, year by year?",
    sql: `-- Inspection findings, enforcement and prosecutions per theme and year.
SELECT year(dated_from) AS year, theme, count(*) AS findings
FROM cqc_findings
GROUP BY ALL
ORDER BY year, findings DESC, theme`
  },
  {
    id: "fines-total",
    question: "How much was the trust fined, and by whom?",
    sql: `-- Fines by prosecuting body, with the total. A fine recorded both as a
-- total and as its parts (one per death) is counted once, by its total, and
-- prosecution costs are not a fine, so both are left out of the sums.
SELECT coalesce(body, 'All') AS body,
       count(*) AS fines,
       sum(value) AS fined_gbp
FROM cqc_findings
WHERE theme = 'fine'
  AND finding NOT LIKE 'Fine over %'
  AND finding NOT ILIKE 'Prosecution costs%'
GROUP BY ROLLUP (body)
ORDER BY grouping(body), body`
  },
  {
    id: "overall-ratings",
    question: "How did the CQC rate the trust overall, inspection by inspection?",
    sql: `-- The CQC's overall rating of the whole trust at each published inspection.
SELECT published, rating, previous_rating, source_id
FROM cqc_ratings
WHERE scope = 'trust' AND key_question = 'overall' AND published IS NOT NULL
ORDER BY published_from`
  },
  {
    id: "leadership",
    question: "Who led the trust, and from when to when?",
    sql: `-- Chairs and chief executives, with the events that began and ended each term.
SELECT t.role, t.person, s.date AS started, e.date AS ended, e.event AS how_it_ended
FROM leadership_terms AS t
LEFT JOIN events AS s ON s.event_id = t.start_event_id
LEFT JOIN events AS e ON e.event_id = t.end_event_id
ORDER BY s.date_from`
  }
];
