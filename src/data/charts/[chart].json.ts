// What one chart reads (src/lib/chart-reads.ts), for its embed page in the preview server; the export's embeds are static.
import {CHART_READS, type ChartId} from "../../lib/chart-reads.js";
import {loadFactBase} from "../../lib/factbase.js";
import {loaderParam, runLoader} from "../../lib/loader.js";
import {chartData} from "../../lib/page-data.js";

await runLoader(() => JSON.stringify(chartData(loadFactBase(), loaderParam("chart", Object.keys(CHART_READS) as ChartId[]))));
