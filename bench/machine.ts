/** The machine a bench ran on, the commit it measured, and how loaded the machine was meanwhile. */
import {at} from "../src/lib/story/checked-lookups.js";
import {execFileSync} from "node:child_process";
import {cpus, loadavg, totalmem} from "node:os";
import {median} from "./stats.js";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  chromium: string;
  commit: string | null;
}

export function describeMachine(chromium: string, projectRoot: string): Machine {
  let commit: string | null = null;
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], {cwd: projectRoot, encoding: "utf8"}).trim();
  } catch {
    // not a git checkout
  }
  return {cpu: cpus()[0]?.model.trim() ?? "unknown", cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, chromium, commit};
}

/** The 1-minute load average every 5 s, per part of the bench; `stop()` gives each part's median. */
export function watchLoad(): {part(name: string): void; stop(): Record<string, number>} {
  const samples: Record<string, number[]> = {};
  let current = "";
  const sample = () => current && (samples[current] ??= []).push(at(loadavg(), 0, "the load averages"));
  const timer = setInterval(sample, 5000);
  timer.unref();
  return {
    part(name) {
      current = name;
      sample();
    },
    stop() {
      clearInterval(timer);
      return Object.fromEntries(Object.entries(samples).map(([part, values]) => [part, Math.round(median(values) * 10) / 10]));
    }
  };
}
