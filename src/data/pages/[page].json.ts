// What one story page reads (`--page=deaths`); src/data/loaders.ts says what it writes.
import {runLoader} from "../../lib/delivery/loader.js";
import {LOADERS} from "../loaders.js";

await runLoader(LOADERS.page);
