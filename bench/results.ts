/** The shape of bench/results/latest.json: every measured value of one run. */
import type {BuildResults} from "./build.js";
import type {FileRun} from "./files.js";
import type {LighthouseRun} from "./lighthouse.js";
import type {Machine} from "./machine.js";
import type {PageResult} from "./pages.js";
import type {SqlRun} from "./sql.js";

export const PARTS = ["build", "pages", "lighthouse", "sql", "files"] as const;
export type Part = (typeof PARTS)[number];

export interface Options {
  /** Cold loads per page and of the SQL page; runs of the 10⁶-row file. */
  runs: number;
  warmQueries: number;
  buildRuns: number;
  /** Skip the 10⁷-row file. */
  quick: boolean;
  parts: Part[];
}

export interface Results {
  startedAt: string;
  durationMs: number;
  options: Options;
  machine: Machine;
  /** Median 1-minute load average while each part ran (the bench's own work included). */
  load: Record<string, number>;
  build: BuildResults | null;
  pages: PageResult[] | null;
  /** Or why it could not run. */
  lighthouse: LighthouseRun[] | string | null;
  sql: SqlRun[] | null;
  files: FileRun[] | null;
}
