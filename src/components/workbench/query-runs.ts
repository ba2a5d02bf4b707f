/**
 * Cancel for the whole of a query's run, not only its time in DuckDB.
 *
 * Between Run and the runner, a query waits for the analyst's stored files
 * and is parsed to find the tables it reads. Cancel is enabled from the
 * moment Run is pressed, so a cancel in that gap must stop the run too:
 * before, it reached a runner with nothing in flight, and the runaway query
 * it was meant to stop was sent a moment later and ran on.
 */
import {QueryCancelled} from "./duckdb-runner.js";

export interface QueryRun {
  /** Settles as `step` does, or rejects with QueryCancelled as soon as the run is cancelled. */
  until<T>(step: Promise<T>): Promise<T>;
}

export interface QueryRuns {
  /** Starts a run; the run before it can no longer be cancelled from here. */
  begin(): QueryRun;
  /** Cancels the current run wherever it is, and asks the runner to stop its query. */
  cancel(): void;
}

export function queryRuns(cancelRunner: () => void): QueryRuns {
  let current: AbortController | null = null;

  function begin(): QueryRun {
    const control = new AbortController();
    current = control;
    const cancelled = new Promise<never>((_, reject) => {
      control.signal.addEventListener("abort", () => reject(new QueryCancelled()), {once: true});
    });
    cancelled.catch(() => undefined); // a run that finishes first never looks at it
    return {until: (step) => Promise.race([step, cancelled])};
  }

  function cancel(): void {
    current?.abort();
    current = null;
    cancelRunner();
  }

  return {begin, cancel};
}
