// Tables, columns, types, descriptions and row counts, for the schema browser.
import {loadFactBase} from "../lib/factbase.js";
import {runLoader} from "../lib/loader.js";
import {tableCatalog} from "../lib/tables.js";

await runLoader(() => JSON.stringify(tableCatalog(loadFactBase())));
