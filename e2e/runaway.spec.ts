// The way out of a runaway shell: a real fork bomb at the learner's prompt, the banner that notices it
// (and the status that no longer says "Ready"), and the stop that gives the same shell back.
import { expect, test } from "./fixtures.ts";
import { SavedWorkPage } from "./pages/saved-work.ts";

/** A fork bomb fills the learner's cgroup within seconds; the page reads its counters every 2 s. */
const NOTICE_TIMEOUT_MS = 90_000;

test("learner can stop a runaway fork bomb and keep working in the same shell", async ({ lab, page }) => {
  test.setTimeout(300_000);
  await lab.run("echo $$ > /tmp/shell.pid; echo pid-saved");
  await lab.expectScreenToShow("pid-saved");

  await lab.run("timeout 10 bash -c ':(){ :|:& };:'");
  await expect(lab.runawayBanner).toBeVisible({ timeout: NOTICE_TIMEOUT_MS });
  await expect(lab.runawayBanner).toContainText("Runaway processes in your shell");
  await expect(lab.status).toHaveAttribute("data-shell", "stuck");
  await expect(lab.statusText).toHaveText("Shell not answering");

  await lab.runawayBanner.getByRole("button", { name: "Stop runaway processes" }).click();
  await expect(lab.runawayStopped).toBeVisible({ timeout: NOTICE_TIMEOUT_MS });
  await expect(lab.runawayStopped).toContainText(/Killed \d+ processes in the learner's cgroup/);
  await expect(lab.runawayStopped.getByTestId("runaway-killed")).toContainText(/bash ×\d+/);
  await expect(lab.runawayBanner).toHaveCount(0);
  await expect(lab.status).toHaveAttribute("data-shell", "ok");

  // The same login shell answers again.
  await lab.run("[ $$ = $(cat /tmp/shell.pid) ] && echo same-shell-$((40 + 2))");
  await lab.expectScreenToShow("same-shell-42");
  await expect(page.getByTestId("vm-status-text")).toHaveText(/^Ready in/);
});

test("learner can resume a machine saved during a fork bomb", async ({ lab, page }) => {
  test.setTimeout(420_000);
  const saved = new SavedWorkPage(page);
  await lab.run("echo before-the-bomb-$((6*7)) > /root/kept.txt; echo file-written");
  await lab.expectScreenToShow("file-written");
  await lab.run("timeout 10 bash -c ':(){ :|:& };:'");
  await expect(lab.runawayBanner).toBeVisible({ timeout: NOTICE_TIMEOUT_MS });
  // The learner saves the machine as it is, bomb and all.
  await saved.save();

  await lab.reload();
  // Before resuming, the learner learns how old the save is, that later work is not in it, and that it
  // was taken under a fork bomb (with the way out).
  await expect(saved.resumeOffer).toContainText(/saved .+ ago\)/);
  await expect(saved.resumeOffer).toContainText("What you did after that save is not in it");
  await expect(saved.resumeOffer.getByTestId("resume-runaway")).toContainText("Stop runaway processes");
  await saved.resumeButton.click();
  await expect(lab.status).toHaveAttribute("data-phase", "ready", { timeout: NOTICE_TIMEOUT_MS });
  // The resumed machine's cgroup is still full: the page offers the way out instead of a dead shell.
  await expect(lab.runawayBanner).toBeVisible({ timeout: NOTICE_TIMEOUT_MS });
  await expect(lab.runawayBanner).toContainText("Runaway processes in your shell");
  await lab.runawayBanner.getByRole("button", { name: "Stop runaway processes" }).click();
  await expect(lab.runawayStopped).toContainText(/Killed \d+ processes in the learner's cgroup/, { timeout: NOTICE_TIMEOUT_MS });
  await expect(lab.runawayBanner).toHaveCount(0);

  // The shell answers, and the work from before the bomb is there.
  await lab.run("cat /root/kept.txt");
  await lab.expectScreenToShow("before-the-bomb-42");
});

test("learner sees the runaway banner in Korean", async ({ lab, page }) => {
  test.setTimeout(300_000);
  await page.getByTestId("language-select").selectOption("ko");
  await lab.run("timeout 10 bash -c ':(){ :|:& };:'");
  await expect(lab.runawayBanner).toContainText("셸에서 프로세스가 폭주하고 있습니다", { timeout: NOTICE_TIMEOUT_MS });
  await expect(lab.statusText).toHaveText("셸 응답 없음");
  await lab.runawayBanner.getByRole("button", { name: "폭주 프로세스 중지" }).click();
  await expect(lab.runawayStopped).toContainText(/프로세스 \d+개를 종료했고/, { timeout: NOTICE_TIMEOUT_MS });
});
