// The browser half of `npm run bench`: serves the production build with the classroom server (`npm run
// serve`, what users run), drives Debian's Chromium with Playwright and measures what a learner waits for
// and what the tab costs. Uses the same test ids as e2e/. Times are read in the page (performance.now(),
// from the navigation's start), so Playwright's own round trips do not count.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { REPO_DIR } from "../images/node-asset-source.ts";
import { DISK_PART_PATH } from "../src/vm/manifest.ts";
import { labRenderer, processMemory, threadCpuSeconds, type ProcessMemory } from "./bench-processes.ts";
import { RUNS, round, spread, type Spread } from "./bench-stats.ts";
import { enterAndAwait, enterCommand, installEchoProbe, keystrokeEcho, watchLongTasks } from "./bench-terminal.ts";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./debian-chromium.ts";

const PORT = 4179;
const BOOT_TIMEOUT_MS = 300_000;
/**
 * V8 flags for an experiment, e.g. `--liftoff-only` to see what V8's optimising wasm compiler costs the
 * lab (a page cannot switch it off, so a run with flags never writes the README's table).
 */
export const BENCH_JS_FLAGS = process.env.BENCH_JS_FLAGS || undefined;

async function startServer(): Promise<ChildProcess> {
  const tsx = path.join(REPO_DIR, "node_modules", ".bin", "tsx");
  const args = ["scripts/serve.ts", "--host", "localhost", "--port", String(PORT), "--dir", "dist", "--quiet"];
  const server = spawn(tsx, args, { cwd: REPO_DIR, stdio: "ignore" });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://localhost:${PORT}/`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill();
  throw new Error("the classroom server (scripts/serve.ts) did not start");
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.now());

const ready = (page: Page, machine: number) =>
  page.locator(`[data-testid=vm-status][data-phase=ready][data-machine="${machine}"]`).first().waitFor({ timeout: BOOT_TIMEOUT_MS });

interface LoadTimes {
  /** The page reported the machine ready (ms after navigation start). */
  readonly readyMs: number;
  /** From Enter to the answer on screen, for a command entered once the page said ready. */
  readonly enterToAnswerMs: number;
  /**
   * Ready plus Enter-to-answer: when a command entered the moment the page said ready is answered (the
   * bench's own paste before the Enter, a few hundred ms of Playwright round trips, is not counted).
   */
  readonly answeredMs: number;
  /** Where the load spent its time: each step's first moment, ms after navigation start (see startSteps). */
  readonly steps: Readonly<Record<string, number>>;
}

/**
 * The page's HTML parsed (domContentLoaded) and the machine's start steps, from the user-timing marks
 * virtual-machine.ts leaves ("lab-vm:files-loaded", ...): the first of each, ms after navigation start.
 */
const startSteps = (page: Page): Promise<Record<string, number>> =>
  page.evaluate(() => {
    const steps: Record<string, number> = {};
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    if (navigation) steps["dom-content-loaded"] = navigation.domContentLoadedEventEnd;
    for (const mark of performance.getEntriesByType("mark"))
      if (mark.name.startsWith("lab-vm:")) steps[mark.name.slice("lab-vm:".length)] ??= mark.startTime;
    return steps;
  });

/** Enters a command and waits until its output is on screen: "a prompt that answers". */
const answered = (page: Page, token: string) => enterAndAwait(page, `echo ${token}-$((6 * 7))`, `${token}-42`);

async function loadToAnswer(page: Page, token: string, navigate: () => Promise<unknown>): Promise<LoadTimes> {
  await navigate();
  await ready(page, 1);
  const readyMs = await pageNow(page);
  const answer = await answered(page, token);
  const enterToAnswerMs = answer.shownAt - answer.enterAt;
  const steps = await startSteps(page);
  return { readyMs: round(readyMs), enterToAnswerMs: round(enterToAnswerMs), answeredMs: round(readyMs + enterToAnswerMs), steps };
}

function summarize(loads: readonly LoadTimes[]): {
  answered: Spread;
  ready: Spread;
  enterToAnswer: Spread;
  stepsMedianMs: Record<string, number>;
} {
  const names = [...new Set(loads.flatMap((l) => Object.keys(l.steps)))];
  const stepsMedianMs = Object.fromEntries(
    names
      .map((name) => [name, spread(loads.map((l) => l.steps[name]).filter((ms) => ms !== undefined)).median] as const)
      .sort((a, b) => a[1] - b[1]),
  );
  return {
    answered: spread(loads.map((l) => l.answeredMs)),
    ready: spread(loads.map((l) => l.readyMs)),
    enterToAnswer: spread(loads.map((l) => l.enterToAnswerMs)),
    stepsMedianMs,
  };
}

/**
 * First visits: a fresh profile each (nothing cached, no service worker), to an answering prompt; with
 * the /usr disk's parts the guest had read by then (bytes as sent, compressed), part of the first load.
 */
async function firstVisits(browser: Browser, url: string): Promise<ReturnType<typeof summarize> & { diskPartBytes: Spread }> {
  const loads: LoadTimes[] = [];
  const diskBytes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 1280, height: 800 } });
    const parts: Promise<number>[] = [];
    context.on("requestfinished", (request) => {
      if (DISK_PART_PATH.test(new URL(request.url()).pathname)) parts.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
    });
    const page = await context.newPage();
    loads.push(await loadToAnswer(page, `first${i}`, () => page.goto(url)));
    const beforeAnswer = parts.slice();
    diskBytes.push((await Promise.all(beforeAnswer)).reduce((a, b) => a + b, 0));
    await context.close();
  }
  return { ...summarize(loads), diskPartBytes: spread(diskBytes) };
}

/** The main thread's and the emulator workers' share of a core while the guest sits at its prompt. */
async function idleCpu(browser: Browser): Promise<{ mainThreadPercent: number; workerPercent: number }> {
  // Idle means sitting at the prompt: past the first seconds after the restore, when the page reads
  // where the shells are and their health at its steady pace before backing off (30 s, the longest pause).
  await sleep(35_000);
  const pid = await labRenderer(browser);
  const before = threadCpuSeconds(pid);
  const started = performance.now();
  await sleep(10_000);
  const after = threadCpuSeconds(pid);
  const seconds = (performance.now() - started) / 1000;
  return {
    mainThreadPercent: round(((after.main - before.main) / seconds) * 100),
    workerPercent: round(((after.workers - before.workers) / seconds) * 100),
  };
}

const labRenderers = (processes: readonly ProcessMemory[]) => processes.filter((p) => p.type === "renderer" && p.workerThreads > 0);
const tabMemory = (processes: readonly ProcessMemory[]) => ({
  processes: processes.filter((p) => p.type !== "gpu-process" || p.rssMb > 0),
  labRendererMb: Math.max(0, ...labRenderers(processes).map((p) => p.rssMb)),
  // The same renderer without the pages it shares with every Chromium process (the browser's own code).
  labRendererPrivateMb: Math.max(0, ...labRenderers(processes).map((p) => p.privateMb)),
});

/** Keystroke echo idle and with a CPU-bound loop in the guest, and the page's long tasks meanwhile. */
async function typing(page: Page): Promise<Record<string, unknown>> {
  await installEchoProbe(page);
  const idle = await keystrokeEcho(page, 20);
  await enterCommand(page, "while :; do :; done &");
  await sleep(1000);
  const longTasks = await watchLongTasks(page, async () => {
    await sleep(20_000);
  });
  const busy = await keystrokeEcho(page, 20);
  await enterCommand(page, "kill %1");
  return { idleMs: idle, busyMs: busy, longTasksPerMinuteWhileBusy: round((longTasks.count / longTasks.seconds) * 60), longestTaskMs: longTasks.longestMs };
}

/**
 * The comparison view's second VM: its cold boot next to the learner's VM, VM 1's keystroke echo while
 * it boots, and the tab's memory with two VMs.
 */
async function secondVm(browser: Browser, page: Page): Promise<Record<string, unknown>> {
  await page.getByTestId("compare-toggle").click();
  await installEchoProbe(page);
  const started = performance.now();
  await page.getByTestId("boot-vm2").click();
  const vm1EchoWhileVm2BootsMs = await keystrokeEcho(page, 20);
  await page.getByTestId("vm2").locator("[data-testid=vm-status][data-phase=ready]").waitFor({ timeout: BOOT_TIMEOUT_MS });
  const bootMs = performance.now() - started;
  await page.getByTestId("compare-busy").waitFor({ state: "detached", timeout: 60_000 });
  await sleep(3000);
  const withBoth = tabMemory(await processMemory(browser));
  await page.getByTestId("compare-toggle").click();
  await page.getByTestId("compare").waitFor({ state: "detached" });
  return { coldBootNextToFirstToReadyMs: round(bootMs), vm1EchoWhileVm2BootsMs, memoryWithTwoVms: withBoth };
}

async function firstWithServiceWorker(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await loadToAnswer(page, "sw", () => page.goto(url));
  // Reloads are answered by the service worker once it kept everything.
  await page.getByTestId("offline-status").and(page.locator("[data-offline=ready]")).first().waitFor({ timeout: 300_000 });
  return page;
}

export async function measureInChromium(): Promise<Record<string, unknown>> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`skipped: ${CHROMIUM_PATH} not found (install Debian's chromium)`);
  if (!existsSync(path.join(REPO_DIR, "dist", "index.html"))) throw new Error("skipped: dist/ not built (npx vite build)");
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...(BENCH_JS_FLAGS ? [`--js-flags=${BENCH_JS_FLAGS}`] : [])],
  });
  try {
    const url = `http://localhost:${PORT}/`;
    const result: Record<string, unknown> = { chromium: browser.version() || "unknown", jsFlags: BENCH_JS_FLAGS ?? null };
    /** One part of the run; a part that fails (a timeout on a busy machine) is reported, not fatal. */
    const part = async (name: string, work: () => Promise<Record<string, unknown>>): Promise<void> => {
      try {
        Object.assign(result, await work());
      } catch (error) {
        result[`${name}Skipped`] = error instanceof Error ? error.message.split("\n")[0] : String(error);
      }
    };
    process.stderr.write(`bench: ${RUNS} first visits...\n`);
    await part("firstVisit", async () => ({ firstVisit: await firstVisits(browser, url) }));

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await firstWithServiceWorker(context, url);
    process.stderr.write(`bench: ${RUNS} cached reloads...\n`);
    await part("cachedReload", async () => {
      const reloads: LoadTimes[] = [];
      for (let i = 0; i < RUNS; i++) reloads.push(await loadToAnswer(page, `reload${i}`, () => page.reload()));
      return { cachedReload: summarize(reloads) };
    });

    process.stderr.write("bench: idle guest, memory, typing...\n");
    await part("idleGuest", async () => ({ idleGuest: await idleCpu(browser) }));
    await part("keystrokeEcho", async () => ({ keystrokeEcho: await typing(page) }));

    process.stderr.write("bench: cold boots...\n");
    await part("coldBoot", async () => {
      const coldReady: number[] = [];
      const coldAnswered: number[] = [];
      const coldRuns = Math.min(RUNS, Number(process.env.BENCH_COLD_RUNS ?? 3));
      for (let i = 0; i < coldRuns; i++) {
        const started = performance.now();
        await page.getByTestId("cold-boot-button").click();
        await ready(page, i + 2);
        const readyMs = performance.now() - started;
        coldReady.push(readyMs);
        const answer = await answered(page, `cold${i}`);
        coldAnswered.push(readyMs + answer.shownAt - answer.enterAt);
      }
      return { coldBoot: { ready: spread(coldReady), answered: spread(coldAnswered) } };
    });

    process.stderr.write("bench: a second VM next to the first...\n");
    await context.close();
    // The tab's memory in a fresh renderer (not one that already held ten reloads' garbage): one VM
    // restored, then a second one booted next to it.
    await part("secondVm", async () => {
      const fresh = await browser.newContext({ serviceWorkers: "block", viewport: { width: 1280, height: 800 } });
      try {
        const tab = await fresh.newPage();
        await loadToAnswer(tab, "memory", () => tab.goto(url));
        await sleep(3000);
        const memoryWithOneVm = tabMemory(await processMemory(browser));
        return { memoryWithOneVm, secondVm: await secondVm(browser, tab) };
      } finally {
        await fresh.close();
      }
    });
    return { ...result, host: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? "unknown", loadAverage: os.loadavg().map(round) } };
  } finally {
    await browser.close();
    server.kill();
  }
}
