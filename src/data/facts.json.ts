// Every figure the story states, with provenance, the claims that dispute them and the statements of April 2016; each source once, by id.
import {loadFactBase} from "../lib/factbase.js";
import {runLoader} from "../lib/loader.js";
import {packSources} from "../lib/payload.js";
import {storyFacts} from "../lib/story.js";

await runLoader(() => JSON.stringify(packSources(storyFacts(loadFactBase()))));
