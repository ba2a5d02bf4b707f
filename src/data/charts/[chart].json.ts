// What one chart reads (`--chart=funnel`), for its embed page in the preview server; src/data/loaders.ts says what it writes.
import {runLoader} from "../../lib/delivery/loader.js";
import {LOADERS} from "../loaders.js";

await runLoader(LOADERS.chart);
