// Tables, columns, types, descriptions and row counts, for the schema browser; src/data/loaders.ts says what it writes.
import {runLoader} from "../lib/delivery/loader.js";
import {LOADERS} from "./loaders.js";

await runLoader(LOADERS.catalog);
