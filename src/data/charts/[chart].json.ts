// What one chart reads (its entry in the chart registry), for its embed page in the preview server; the export's embeds are static.
import {CHART_READS} from "../../components/charts/chart-registry.js";
import {loadFactBase} from "../../lib/factbase/factbase.js";
import {loaderParam, runLoader} from "../../lib/delivery/loader.js";
import {chartData} from "../../lib/delivery/page-data.js";

await runLoader(() => JSON.stringify(chartData(loadFactBase(), loaderParam("chart", Object.keys(CHART_READS)), CHART_READS)));
