// What one chart reads (its entry in the chart registry), for its embed page in the preview server; the export's embeds are static.
import {CHART_READS} from "../../components/chart-registry.js";
import {loadFactBase} from "../../lib/factbase.js";
import {loaderParam, runLoader} from "../../lib/loader.js";
import {chartData} from "../../lib/page-data.js";

await runLoader(() => JSON.stringify(chartData(loadFactBase(), loaderParam("chart", Object.keys(CHART_READS)), CHART_READS)));
