// The dated events and the terms of office they begin and end, each with its sources (sent once, by id).
import {loadFactBase} from "../lib/factbase.js";
import {runLoader} from "../lib/loader.js";
import {packSources} from "../lib/payload.js";
import {inspectionRecord} from "../lib/story.js";

await runLoader(() => {
  const {events, terms} = inspectionRecord(loadFactBase());
  return JSON.stringify(packSources({events, terms}));
});
