// The disagreements table as Arrow, for the SQL workbench (DuckDB-WASM reads Arrow offline).
import {loadFactBase} from "../lib/factbase.js";
import {runLoader} from "../lib/loader.js";
import {tableArrow} from "../lib/tables.js";

await runLoader(() => tableArrow(loadFactBase(), "disagreements"));
