// Any table of the fact base as Arrow (`--table=events` writes events.arrow), for the SQL workbench: DuckDB-WASM reads Arrow offline.
import {loadFactBase} from "../lib/factbase/factbase.js";
import {loaderParam, runLoader} from "../lib/delivery/loader.js";
import {tableArrow, tableNames} from "../lib/delivery/tables.js";

await runLoader(() => {
  const facts = loadFactBase();
  return tableArrow(facts, loaderParam("table", tableNames(facts)));
});
