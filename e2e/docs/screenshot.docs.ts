// Refreshes docs/screenshot.png: the ready lab with a few commands' output.
// Run: LAB_SCREENSHOT=1 npx playwright test --project docs
import path from "node:path";
import { test } from "../fixtures.ts";

test("screenshot of the ready lab for the docs", async ({ lab, page }) => {
  await lab.run("uname -a");
  await lab.expectScreenToShow("isolation-lab");
  await lab.run("ls /proc/self/ns");
  await lab.expectScreenToShow("mnt");
  await lab.run("unshare --uts sh -c 'hostname box; echo inside: $(hostname)'; echo outside: $(hostname)");
  await lab.expectScreenToShow("outside: lab");
  await lab.expectPrompt();
  await page.screenshot({ path: path.resolve(import.meta.dirname, "..", "..", "docs", "screenshot.png") });
});
