import { expect, test } from "./fixtures.ts";

test("learner can reset the machine and gets a clean one", async ({ lab }) => {
  await lab.run("touch /root/marker && ls /root/marker && echo marked-$((1+1))");
  await lab.expectScreenToShow("marked-2");

  // Reset asks first: cancelling keeps the machine.
  const machine = await lab.machineNumber();
  await lab.resetButton.click();
  await expect(lab.resetDialog).toBeVisible();
  await expect(lab.resetDialog).toContainText("Your course progress is kept");
  await lab.resetDialog.getByTestId("reset-cancel").click();
  await expect(lab.resetDialog).toBeHidden();
  expect(await lab.machineNumber()).toBe(machine);

  await lab.reset();
  await lab.expectPrompt();
  await expect(lab.page.getByTestId("reset-note")).toContainText("course progress is kept");
  // The terminal starts afresh with the new machine…
  await expect(lab.screen).not.toContainText("marked-2");
  // …and the file made in the old one does not exist.
  await lab.run("ls /root/marker");
  await lab.expectScreenToShow("No such file or directory");
});

test("learner can cold boot and watch the real boot log, then use the prompt", async ({ lab }) => {
  await lab.coldBoot();
  await expect(lab.statusText).toContainText("cold boot");
  await lab.expectPrompt();
  await lab.expectBeginningToShow("Linux version");

  await lab.run("echo cold-$((6*7)); uname -r");
  await lab.expectScreenToShow("cold-42");
  await lab.expectScreenToShow("isolation-lab");
});
