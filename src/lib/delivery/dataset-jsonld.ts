/**
 * The data package described as a schema.org Dataset, the form dataset search
 * engines and link previews read. Everything in it comes from
 * data/datapackage.json and the tables; addresses are relative to the page, so
 * the export works at any host and sub-path.
 */
import type {FactBase} from "../factbase/factbase.js";

export function datasetJsonLd(facts: FactBase): Record<string, unknown> {
  const {descriptor} = facts;
  const licence = descriptor.licenses?.[0];
  const years = facts.rows("events").map((e) => e.date.slice(0, 4)).sort();
  return {
    "@context": "https://schema.org",
    "@type": "Dataset",
    // The years the events span are counted from the events, not written into the descriptor.
    name: `${descriptor.title ?? descriptor.name}, ${years[0]}–${years[years.length - 1]}`,
    description: descriptor.description,
    ...(licence?.path ? {license: licence.path} : {}),
    temporalCoverage: `${years[0]}/${years[years.length - 1]}`,
    spatialCoverage: "England",
    keywords: ["Southern Health NHS Foundation Trust", "Mazars review", "Care Quality Commission", "mental health", "learning disability", "deaths"],
    variableMeasured: descriptor.resources.map((r) => r.title ?? r.name),
    distribution: [
      {"@type": "DataDownload", encodingFormat: "text/csv", contentUrl: "figures.csv", name: "Every figure the notebook shows, with its status and sources"},
      {"@type": "DataDownload", encodingFormat: "application/json", contentUrl: "figures.json", name: "The same figures as JSON"}
    ],
    citation: facts.rows("sources").map((s) => s.url)
  };
}
