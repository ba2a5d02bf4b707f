// Every figure the story states, with provenance, and the claims that dispute them.
import {loadFactBase} from "../lib/factbase.js";
import {runLoader} from "../lib/loader.js";
import {storyFacts} from "../lib/story.js";

await runLoader(() => JSON.stringify(storyFacts(loadFactBase())));
