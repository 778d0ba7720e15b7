// The browser half of `npm run bench`: serves the production build with `vite preview`, drives Debian's
// Chromium with Playwright and measures what a learner waits for. Uses the same test ids as e2e/.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { REPO_DIR } from "../images/node-asset-source.ts";

const PORT = 4179;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const round = (n: number): number => Math.round(n * 10) / 10;

async function startServer(): Promise<ChildProcess> {
  const vite = path.join(REPO_DIR, "node_modules", ".bin", "vite");
  const server = spawn(vite, ["preview", "--port", String(PORT), "--strictPort"], { cwd: REPO_DIR, stdio: "ignore" });
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
  throw new Error("vite preview did not start");
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

    const sorted = cachedReloads.map((r) => r.answeredMs).sort((a, b) => a - b);
    return {
      firstVisit,
      cachedReloads,
      pageLoadToAnsweringPromptMs: { median: sorted[Math.floor(sorted.length / 2)] },
      coldBootToReadyMs: round(coldReadyMs),
      coldBootToAnsweringPromptMs: round(coldAnsweredMs),
      idleGuestMainThreadPercentOfOneCore: round(idlePercent),
    };
  } finally {
    await browser.close();
    server.kill();
  }
}
