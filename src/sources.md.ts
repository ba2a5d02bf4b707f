// The sources page (src/lib/story/sources-page.ts), written at build so it reads without JavaScript.
import {runLoader} from "./lib/delivery/loader.js";
import {LOADERS} from "./data/loaders.js";

await runLoader(LOADERS.sources);
