import { expect, test } from "./fixtures.ts";

test("learner sees the VM status become ready", async ({ labPage: lab }) => {
  await lab.open();
  // Before the machine is ready the status says what it is doing; then it reports the restore time.
  await expect(lab.status).toHaveAttribute("data-phase", /^(starting|loading|booting|ready)$/);
  await lab.expectReady("restore");
  await expect(lab.statusText).toContainText("restored snapshot");
  await expect(lab.failurePanel).toHaveCount(0);
  await lab.expectPrompt();
});

test("learner can type `uname -a` at the prompt and sees the guest kernel's answer", async ({ lab }) => {
  await lab.run("uname -a");
  await lab.expectScreenToShow(/Linux lab \S*isolation-lab/);
  await lab.expectPrompt();
});

test("learner can reload the page and gets a working prompt again", async ({ lab }) => {
  await lab.run("echo before-$((20+1))");
  await lab.expectScreenToShow("before-21");

  await lab.reload();
  await lab.expectReady("restore");
  await lab.expectPrompt();
  // A reload restores the pristine machine: the previous session's output is gone.
  await expect(lab.screen).not.toContainText("before-21");
  await lab.run("echo after-$((40+2))");
  await lab.expectScreenToShow("after-42");
});

test("learner can copy text from the terminal with Ctrl+Shift+C", async ({ lab, page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await lab.run("echo copy-$((6*7))-me");
  await lab.expectPrompt();

  // Double-clicking a word selects it, as in any terminal.
  await lab.selectWordInRow(/^copy-42-me\s*$/);
  await page.keyboard.press("Control+Shift+C");
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe("copy-42-me");
});
