// The inspection record: ratings, findings, events and terms of office, each with its source.
import {loadFactBase} from "../lib/factbase.js";
import {runLoader} from "../lib/loader.js";
import {inspectionRecord} from "../lib/story.js";

await runLoader(() => JSON.stringify(inspectionRecord(loadFactBase())));
