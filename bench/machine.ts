/** The machine and software a bench ran on, and the commit it measured. */
import {execFileSync} from "node:child_process";
import {readdirSync, readFileSync} from "node:fs";
import {cpus, release, totalmem} from "node:os";
import {performance} from "node:perf_hooks";
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

/**
 * How busy the machine was while a part of the bench ran, split between the
 * bench (this process and every process under it: the builds, Chromium) and
 * everything else. On a shared machine, CPU taken by other work slows the
 * bench down, so its times then read high.
 */
export interface CpuShare {
  seconds: number;
  /** Share of the whole machine (all cores) used by the bench's processes, 0–1. */
  bench: number;
  /** Share of the whole machine used by other processes, 0–1. */
  others: number;
}

const TICKS_PER_SECOND = 100; // USER_HZ: the unit of /proc's CPU times on Linux

/** Busy CPU ticks of the whole machine, from the first line of /proc/stat. */
function machineBusyTicks(): number {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal …: all but idle and iowait are busy.
  const [user, nice, system, , , irq, softirq, steal = 0] = fields;
  return user + nice + system + irq + softirq + steal;
}

interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime + cutime + cstime: the process's own CPU and that of the children it has reaped. */
  ticks: number;
}

function readProc(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces: the fields start after the last ")".
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const ppid = Number(fields[1]);
    const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
    return {pid, ppid, ticks: utime + stime + cutime + cstime};
  } catch {
    return null; // it ended meanwhile
  }
}

/** CPU ticks used so far by this process and all its descendants (live ones, and those already reaped). */
function benchTicks(): number {
  const all = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProc(Number(name)))
    .filter((p): p is ProcStat => p !== null);
  const children = new Map<number, ProcStat[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  let ticks = 0;
  const stack = [readProc(process.pid)].filter((p): p is ProcStat => p !== null);
  while (stack.length) {
    const p = stack.pop()!;
    ticks += p.ticks;
    stack.push(...(children.get(p.pid) ?? []));
  }
  return ticks;
}

export function watchCpu(): {part(name: string): void; stop(): Record<string, CpuShare>} {
  const shares: Record<string, CpuShare> = {};
  const cores = cpus().length;
  let current: {name: string; at: number; busy: number; bench: number} | null = null;
  const close = () => {
    if (!current) return;
    const seconds = (performance.now() - current.at) / 1000;
    const capacity = seconds * TICKS_PER_SECOND * cores;
    const busy = machineBusyTicks() - current.busy;
    const bench = benchTicks() - current.bench;
    if (capacity > 0) shares[current.name] = {seconds, bench: Math.min(1, bench / capacity), others: Math.max(0, Math.min(1, (busy - bench) / capacity))};
  };
  return {
    part(name: string) {
      close();
      current = {name, at: performance.now(), busy: machineBusyTicks(), bench: benchTicks()};
    },
    stop() {
      close();
      current = null;
      return shares;
    }
  };
}
