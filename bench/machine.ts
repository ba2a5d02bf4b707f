/** The machine and software a bench ran on, and the commit it measured. */
import {execFileSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {cpus, release, totalmem} from "node:os";
import type {Browser} from "playwright-core";

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string;
  playwright: string;
}

export interface Revision {
  commit: string | null;
  /** Files changed in the working tree when the bench copied it (the copy is what was measured). */
  changedFiles: number | null;
}

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync("/etc/os-release", "utf8"))?.[1];
    return `${pretty ?? "Linux"} (kernel ${release()})`;
  } catch {
    return `${process.platform} ${release()}`;
  }
}

export function describeMachine(browser: Browser, playwrightVersion: string): Machine {
  const cpuList = cpus();
  return {
    cpuModel: cpuList[0]?.model.trim() ?? "unknown",
    cores: cpuList.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: osName(),
    node: process.version,
    chromium: browser.version(),
    playwright: playwrightVersion
  };
}

export function describeRevision(projectRoot: string): Revision {
  const git = (...args: string[]) => execFileSync("git", args, {cwd: projectRoot, encoding: "utf8"}).trim();
  try {
    const changed = git("status", "--porcelain", "--", "src", "data", "scripts", "observablehq.config.ts", "package.json");
    return {commit: git("rev-parse", "--short", "HEAD"), changedFiles: changed ? changed.split("\n").length : 0};
  } catch {
    return {commit: null, changedFiles: null};
  }
}
