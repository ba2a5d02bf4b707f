// Tables, columns, types, descriptions and row counts, for the schema browser.
import {loadFactBase} from "../lib/factbase/factbase.js";
import {runLoader} from "../lib/delivery/loader.js";
import {tableCatalog} from "../lib/delivery/tables.js";

await runLoader(() => JSON.stringify(tableCatalog(loadFactBase())));
