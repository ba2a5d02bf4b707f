// The inspection record's ratings, each with its sources (sent once, by id) and any disagreement between them.
import {loadFactBase} from "../lib/factbase.js";
import {runLoader} from "../lib/loader.js";
import {packSources} from "../lib/payload.js";
import {inspectionRecord} from "../lib/story.js";

await runLoader(() => {
  const {ratings} = inspectionRecord(loadFactBase());
  return JSON.stringify(packSources({ratings}));
});
