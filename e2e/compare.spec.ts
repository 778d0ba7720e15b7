// The VM-versus-container comparison: a second VM with its own kernel next to the learner's, containers
// inside VM 1, figures measured in the guests, and a kernel panic that takes down only VM 2.
import { expect, test } from "./fixtures.ts";
import { CompareView } from "./pages/compare-view.ts";

test("learner can boot a second VM, compare it with a container, panic it and keep VM 1", async ({ lab, page }) => {
  test.setTimeout(420_000);
  const compare = new CompareView(page);
  await compare.open();

  await compare.bootSecondVm();
  // VM 2 shows its own kernel's boot log: timestamped kernel lines. Not one given line: on a busy host the
  // kernel adds clocksource warnings late in the boot, which scroll any earlier line off the screen.
  await expect(compare.vm2Screen).toContainText(/\[\s*\d+\.\d{6}\] /, { useInnerText: true });
  await expect(compare.figure("start")).toContainText(/VM 2, cold boot\s*[\d.]+ s/);

  await compare.act("start-container");
  await expect(compare.figure("start")).toContainText(/container c1\s*[\d.]+ ms/);
  await expect(compare.figure("memory")).toContainText(/c1, memory\.current\s*[\d.]+ MiB/);
  // The charts draw their bars to scale, and the log-scale one says so.
  await compare.expectBarsToMatchFigures("start");
  await compare.expectBarsToMatchFigures("memory");
  await expect(compare.figure("start").getByTestId("log-scale-note")).toHaveText(/Logarithmic scale/);

  // The container reports VM 1's boot; VM 2 is another running kernel.
  const vm1Boot = (await compare.bootId("VM 1").textContent())?.trim();
  expect(vm1Boot).toMatch(/^[0-9a-f-]{36}$/);
  await expect(compare.bootId("c1")).toHaveText(vm1Boot!);
  await expect(compare.bootId("VM 2")).not.toHaveText(vm1Boot!);
  await expect(compare.view.getByTestId("vm1-sees-vm2")).toContainText(": 0");

  await compare.act("panic-vm2");
  await expect(compare.view.getByTestId("vm2-panicked")).toBeVisible();
  await expect(compare.view.getByTestId("panic-result")).toContainText("same boot_id");

  // VM 1 still answers its learner.
  await lab.run("echo still-$((40+2))");
  await lab.expectScreenToShow("still-42");

  // Closing the view shuts VM 2 down.
  await compare.close();
  await lab.run("echo after-$((6*7))");
  await lab.expectScreenToShow("after-42");
});
