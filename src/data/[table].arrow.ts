// Any table of the fact base as Arrow (`--table=events` writes events.arrow); src/data/loaders.ts says what it writes.
import {runLoader} from "../lib/delivery/loader.js";
import {LOADERS} from "./loaders.js";

await runLoader(LOADERS.table);
