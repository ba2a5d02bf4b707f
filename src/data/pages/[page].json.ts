// What one story page reads (src/lib/delivery/page-reads.ts, and its charts' entries in the chart registry): its figures, records and their sources, each source once, by id.
import {CHART_READS} from "../../components/charts/chart-registry.js";
import {loadFactBase} from "../../lib/factbase/factbase.js";
import {loaderParam, runLoader} from "../../lib/delivery/loader.js";
import {pageData} from "../../lib/delivery/page-data.js";
import {PAGE_READS, type StoryPage} from "../../lib/delivery/page-reads.js";

await runLoader(() => JSON.stringify(pageData(loadFactBase(), loaderParam("page", Object.keys(PAGE_READS) as StoryPage[]), CHART_READS)));
