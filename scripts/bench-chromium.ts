// The browser half of `npm run bench`: serves the production build with the classroom server (`npm run
// serve`, what users run), drives Debian's Chromium with Playwright and measures what a learner waits for. Uses the same test ids as e2e/.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { readFileSync } from "node:fs";
import { chromium, type Browser, type Page } from "@playwright/test";
import { REPO_DIR } from "../images/node-asset-source.ts";

const PORT = 4179;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const round = (n: number): number => Math.round(n * 10) / 10;

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

const ready = (page: Page, machine: number) =>
  page.locator(`[data-testid=vm-status][data-phase=ready][data-machine="${machine}"]`).waitFor({ timeout: 120_000 });

/** Types a command and waits until its output is on screen: "a prompt that answers". */
async function answered(page: Page, token: string): Promise<void> {
  await page.getByTestId("terminal").click();
  await page.keyboard.type(`echo ${token}-$((6 * 7))\n`);
  await page
    .getByTestId("terminal")
    .locator(".xterm-accessibility-tree")
    .getByText(`${token}-42`, { exact: false })
    .first()
    .waitFor({ timeout: 30_000 });
}

async function loadToAnswer(page: Page, token: string, navigate: () => Promise<unknown>): Promise<{ readyMs: number; answeredMs: number }> {
  const started = performance.now();
  await navigate();
  await ready(page, 1);
  const readyMs = performance.now() - started;
  await answered(page, token);
  return { readyMs: round(readyMs), answeredMs: round(performance.now() - started) };
}

/** Resident memory of the browser's renderer processes (v86's guest RAM lives there), in MB. */
async function rendererRssMb(browser: Browser): Promise<number> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await cdp.send("SystemInfo.getProcessInfo")) as { processInfo: { type: string; id: number }[] };
    let kb = 0;
    for (const p of processInfo.filter((info) => info.type === "renderer")) {
      const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${p.id}/status`, "utf8"));
      kb += Number(match?.[1] ?? 0);
    }
    return kb / 1000;
  } finally {
    await cdp.detach();
  }
}

/**
 * The comparison view's second VM: its cold boot (with its boot log) next to the learner's VM, what it
 * adds to the renderer's memory, and what is left after the view is closed and garbage is collected.
 */
async function measureSecondVm(browser: Browser, page: Page): Promise<Record<string, unknown>> {
  const cdp = await page.context().newCDPSession(page);
  const collect = async (): Promise<void> => {
    await cdp.send("HeapProfiler.collectGarbage");
    await new Promise((resolve) => setTimeout(resolve, 2000));
  };
  await collect();
  const before = await rendererRssMb(browser);
  await page.getByTestId("compare-toggle").click();
  const started = performance.now();
  await page.getByTestId("boot-vm2").click();
  await page.getByTestId("vm2").locator("[data-testid=vm-status][data-phase=ready]").waitFor({ timeout: 180_000 });
  const bootMs = performance.now() - started;
  await page.getByTestId("compare-busy").waitFor({ state: "detached", timeout: 60_000 });
  const withBoth = await rendererRssMb(browser);
  await page.getByTestId("compare-toggle").click();
  await page.getByTestId("compare").waitFor({ state: "detached" });
  await collect();
  const after = await rendererRssMb(browser);
  return {
    coldBootNextToFirstToReadyMs: round(bootMs),
    rendererRssMb: { before: round(before), withBoth: round(withBoth), afterClose: round(after) },
    addedMb: round(withBoth - before),
    releasedMb: round(withBoth - after),
  };
}

export async function measureInChromium(): Promise<Record<string, unknown>> {
  if (!existsSync(CHROMIUM)) throw new Error(`skipped: ${CHROMIUM} not found (install Debian's chromium)`);
  if (!existsSync(path.join(REPO_DIR, "dist", "index.html"))) throw new Error("skipped: dist/ not built (npx vite build)");
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const url = `http://localhost:${PORT}/`;
    const firstVisit = await loadToAnswer(page, "first", () => page.goto(url));
    const cachedReloads = [];
    for (let i = 0; i < 3; i++) cachedReloads.push(await loadToAnswer(page, `reload${i}`, () => page.reload()));

    // An idle guest: main-thread task time over wall time (v86 runs on the page's main thread).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    const taskSeconds = async (): Promise<number> =>
      (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration")?.value ?? NaN;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const before = await taskSeconds();
    const wallStart = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const idlePercent = ((await taskSeconds()) - before) / ((performance.now() - wallStart) / 1000) * 100;

    const coldStarted = performance.now();
    await page.getByTestId("cold-boot-button").click();
    await ready(page, 2);
    const coldReadyMs = performance.now() - coldStarted;
    await answered(page, "cold");
    const coldAnsweredMs = performance.now() - coldStarted;

    const secondVm = await measureSecondVm(browser, page);

    const sorted = cachedReloads.map((r) => r.answeredMs).sort((a, b) => a - b);
    return {
      firstVisit,
      cachedReloads,
      pageLoadToAnsweringPromptMs: { median: sorted[Math.floor(sorted.length / 2)] },
      coldBootToReadyMs: round(coldReadyMs),
      coldBootToAnsweringPromptMs: round(coldAnsweredMs),
      idleGuestMainThreadPercentOfOneCore: round(idlePercent),
      secondVm,
    };
  } finally {
    await browser.close();
    server.kill();
  }
}
