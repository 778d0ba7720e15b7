// What Chromium's processes and threads cost, read from /proc (Linux): resident memory per process and
// CPU time per thread. v86's guest RAM lives in the renderer that runs its worker; a dedicated worker is
// a thread of its page's renderer, so "per process" names which threads each process holds.
import { readFileSync, readdirSync } from "node:fs";
import type { Browser } from "@playwright/test";

export interface ProcessMemory {
  readonly pid: number;
  readonly type: string;
  readonly rssMb: number;
  /**
   * Memory only this process holds (smaps_rollup's Private_Clean + Private_Dirty). rssMb also counts
   * pages shared with every other Chromium process (~125 MB of the chromium binary in each renderer).
   */
  readonly privateMb: number;
  /**
   * The largest anonymous mapping's resident size. In the lab's renderer this is v86's WebAssembly memory
   * (guest RAM, VGA memory and v86's own tables in one mapping): the part of rssMb the guest itself costs.
   */
  readonly largestAnonymousMb: number;
  /** Threads that tell what the process runs (its dedicated and service worker threads). */
  readonly workerThreads: number;
  readonly serviceWorkerThreads: number;
}

const CLOCK_TICKS_PER_SECOND = 100;

function readOr(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** kB only this process holds: its private clean and dirty pages. */
function privateKb(pid: number): number {
  const rollup = readOr(`/proc/${pid}/smaps_rollup`);
  const field = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(rollup)?.[1] ?? 0);
  return field("Private_Clean") + field("Private_Dirty");
}

/** Resident kB of the process's largest anonymous mapping (0 when /proc/PID/smaps cannot be read). */
function largestAnonymousKb(pid: number): number {
  let largest = 0;
  let anonymous = false;
  for (const line of readOr(`/proc/${pid}/smaps`).split("\n")) {
    // A mapping's header: "start-end perms offset dev inode [path]"; anonymous ones have no path.
    const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) {
      anonymous = header[1] === "";
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss && anonymous) largest = Math.max(largest, Number(rss[1]));
  }
  return largest;
}

function threadNames(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/task`).map((tid) => readOr(`/proc/${pid}/task/${tid}/comm`).trim());
  } catch {
    return [];
  }
}

/** Every process of the browser with its type (browser, renderer, gpu-process, utility, ...). */
export async function browserProcesses(browser: Browser): Promise<{ pid: number; type: string }[]> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await cdp.send("SystemInfo.getProcessInfo")) as { processInfo: { type: string; id: number }[] };
    return processInfo.map((p) => ({ pid: p.id, type: p.type }));
  } finally {
    await cdp.detach();
  }
}

export async function processMemory(browser: Browser): Promise<ProcessMemory[]> {
  return (await browserProcesses(browser)).map(({ pid, type }) => {
    const rssKb = Number(/^VmRSS:\s+(\d+) kB/m.exec(readOr(`/proc/${pid}/status`))?.[1] ?? 0);
    const names = threadNames(pid);
    return {
      pid,
      type,
      rssMb: Math.round(rssKb / 100) / 10,
      privateMb: Math.round(privateKb(pid) / 100) / 10,
      largestAnonymousMb: Math.round(largestAnonymousKb(pid) / 100) / 10,
      workerThreads: names.filter((n) => /^DedicatedWorker/.test(n)).length,
      serviceWorkerThreads: names.filter((n) => /^ServiceWorker/.test(n)).length,
    };
  });
}

/** The renderer that runs the lab's emulator workers (the one with the most dedicated worker threads). */
export async function labRenderer(browser: Browser): Promise<number> {
  const renderers = (await processMemory(browser)).filter((p) => p.type === "renderer");
  const best = renderers.sort((a, b) => b.workerThreads - a.workerThreads)[0];
  if (!best) throw new Error("no renderer process found");
  return best.pid;
}

/** CPU seconds so far of a process's main thread and of its dedicated worker threads. */
export function threadCpuSeconds(pid: number): { main: number; workers: number } {
  let main = 0;
  let workers = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const stat = readOr(`/proc/${pid}/task/${tid}/stat`);
    // comm may contain spaces: the fields after it start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const seconds = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
    const name = readOr(`/proc/${pid}/task/${tid}/comm`).trim();
    if (tid === String(pid)) main += seconds;
    else if (/^DedicatedWorker/.test(name)) workers += seconds;
  }
  return { main, workers };
}
