// In-page probes for `npm run bench`: how long a key takes to come back on the learner's terminal (from
// the keydown event to the terminal's rows showing the echoed character, both timed in the page) and how
// many long tasks (> 50 ms) the page's main thread ran meanwhile.
import type { Page } from "@playwright/test";
import { spread, type Spread } from "./bench-stats.ts";

declare global {
  interface Window {
    labEchoProbe?: { keyAt: number; echoAt: number };
    labAnswer?: Answer;
  }
}

/**
 * Finds VM 1's terminal rows inside the elements' shadow roots. Plain JavaScript source, evaluated in the
 * page: tsx would wrap a named function in a helper the page does not have.
 */
const FIND_ROWS = `(function find(root) {
  const found = root.querySelector(".xterm-rows");
  if (found) return found;
  for (const element of root.querySelectorAll("*")) {
    const inner = element.shadowRoot && find(element.shadowRoot);
    if (inner) return inner;
  }
  return undefined;
})(document)`;

/** Watches VM 1's terminal rows and the last keydown. */
export async function installEchoProbe(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const rows = ${FIND_ROWS};
    if (!rows) throw new Error("no terminal rows found");
    const probe = { keyAt: 0, echoAt: 0 };
    window.labEchoProbe = probe;
    let text = rows.textContent ?? "";
    window.addEventListener("keydown", () => (probe.keyAt = performance.now()), true);
    new MutationObserver(() => {
      const next = rows.textContent ?? "";
      if (next !== text && probe.echoAt === 0 && probe.keyAt > 0) probe.echoAt = performance.now();
      text = next;
    }).observe(rows, { childList: true, subtree: true, characterData: true });
  })()`);
}

/**
 * Puts a command on VM 1's prompt as one paste (one event, as fast as a learner's Ctrl+V) and presses
 * Enter: typing it key by key through Playwright would add its own round trips per character.
 */
export async function enterCommand(page: Page, command: string): Promise<void> {
  await page.getByTestId("terminal").first().click();
  await page.evaluate((text) => {
    let focused = document.activeElement;
    while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
    if (!(focused instanceof HTMLTextAreaElement)) throw new Error("the terminal does not have the keyboard");
    const clipboardData = new DataTransfer();
    clipboardData.setData("text/plain", text);
    focused.dispatchEvent(new ClipboardEvent("paste", { clipboardData, bubbles: true, cancelable: true }));
  }, command);
  await page.keyboard.press("Enter");
}

export interface Answer {
  /** When the Enter key went down (page time, ms after navigation start). */
  readonly enterAt: number;
  /** When the terminal's visible rows first showed `expected`. */
  readonly shownAt: number;
}

/**
 * Enters a command on VM 1's prompt and times, in the page, when its answer shows in the terminal's
 * visible rows. Not xterm's accessibility tree: that copy is refreshed at most once a second, so text
 * read there arrives up to ~1 s after the learner saw it.
 */
export async function enterAndAwait(page: Page, command: string, expected: string): Promise<Answer> {
  await page.evaluate(`(() => {
    const rows = ${FIND_ROWS};
    if (!rows) throw new Error("no terminal rows found");
    const answer = { enterAt: 0, shownAt: 0 };
    window.labAnswer = answer;
    const expected = ${JSON.stringify(expected)};
    window.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && answer.enterAt === 0) answer.enterAt = performance.now();
    }, true);
    const observer = new MutationObserver(() => {
      if (answer.enterAt > 0 && (rows.textContent ?? "").includes(expected)) {
        answer.shownAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(rows, { childList: true, subtree: true, characterData: true });
  })()`);
  await enterCommand(page, command);
  await waitInPage(page, () => window.labAnswer!.shownAt > 0, 60_000, 20);
  return page.evaluate<Answer>("window.labAnswer");
}

/**
 * Waits until `test` holds in the page, asking every `pollMs`. Not page.waitForFunction: that evaluates
 * its predicate inside the page, which the lab's Content-Security-Policy (no 'unsafe-eval') refuses;
 * page.evaluate goes through the DevTools protocol. The figures are taken in the page, so the polling
 * interval does not change them.
 */
async function waitInPage(page: Page, test: () => boolean, timeoutMs: number, pollMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await page.evaluate(test))) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting in the page for ${test.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** Types `count` characters into VM 1's terminal one by one; each one's keydown-to-echo time. */
export async function keystrokeEcho(page: Page, count: number): Promise<Spread> {
  const terminal = page.getByTestId("terminal").first();
  await terminal.click();
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    await page.evaluate(() => Object.assign(window.labEchoProbe!, { keyAt: 0, echoAt: 0 }));
    await page.keyboard.press("x");
    await waitInPage(page, () => window.labEchoProbe!.echoAt > 0, 30_000, 10);
    times.push(await page.evaluate(() => window.labEchoProbe!.echoAt - window.labEchoProbe!.keyAt));
  }
  // Ctrl+U clears what was typed.
  await page.keyboard.press("Control+U");
  return spread(times);
}

/** Long tasks of the page's main thread while `work` runs. */
export async function watchLongTasks(page: Page, work: () => Promise<void>): Promise<{ count: number; longestMs: number; seconds: number }> {
  await page.evaluate(() => {
    const seen = { count: 0, longestMs: 0 };
    (window as unknown as { labLongTasks: typeof seen }).labLongTasks = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        seen.count++;
        seen.longestMs = Math.max(seen.longestMs, entry.duration);
      }
    }).observe({ type: "longtask" });
  });
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  const seen = await page.evaluate(() => (window as unknown as { labLongTasks: { count: number; longestMs: number } }).labLongTasks);
  return { ...seen, seconds };
}
