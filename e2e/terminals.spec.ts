// Several terminals into VM 1: each a login shell on its own serial line, with a tab saying where its
// shell is (read by the agent), a shell opened inside a container, a split view, and a layout that
// survives a reload.
import { expect, test } from "./fixtures.ts";
import { PLACE_TIMEOUT_MS, Terminals } from "./pages/terminals.ts";

test("learner can work in three terminals at once, one of them inside a container", async ({ lab, page }) => {
  test.setTimeout(300_000);
  const terminals = new Terminals(page);
  await terminals.expectPlace(1, "host");
  await lab.run("unshare --pid --fork --uts --mount --mount-proc sh -c 'hostname c1; exec sleep 100000' &");

  await terminals.openContainerShell("c1");
  await expect(terminals.tabs).toHaveCount(2);
  await terminals.expectPlace(2, "container c1");
  await terminals.newButton.click();
  await expect(terminals.tabs).toHaveCount(3);
  await expect(terminals.newButton).toBeDisabled();
  await terminals.expectPlace(3, "host");

  // Three shells answer, each where its tab says.
  await terminals.run(2, "echo in-$(hostname)-pid-$$");
  await terminals.expectScreen(2, /in-c1-pid-\d+/);
  await terminals.run(3, "echo three-$(hostname)");
  await terminals.expectScreen(3, "three-lab");
  await terminals.tab(1).click();
  await lab.run("echo one-$((0 + 1))");
  await lab.expectScreenToShow("one-1");
  await expect(terminals.screen(3)).not.toContainText("one-1");

  // Leaving the container gives terminal 2 a fresh host shell.
  await terminals.tab(2).click();
  await terminals.run(2, "exit");
  await terminals.expectPlace(2, "host");
});

test("learner can put two terminals side by side and resize them from the keyboard", async ({ lab, page }) => {
  const terminals = new Terminals(page);
  await terminals.splitToggle.click();
  await expect(terminals.splitToggle).toHaveAttribute("aria-pressed", "true");
  const left = await terminals.pane(1).boundingBox();
  const right = await terminals.pane(2).boundingBox();
  expect(left && right && right.x > left.x + left.width - 1).toBe(true);

  await terminals.separator.focus();
  await page.keyboard.press("ArrowRight");
  await expect(terminals.separator).toHaveAttribute("aria-valuenow", "55");
  const wider = await terminals.pane(1).boundingBox();
  expect(wider!.width).toBeGreaterThan(left!.width);

  await terminals.run(2, "echo right-$((20 + 1))");
  await terminals.expectScreen(2, "right-21");
  await lab.run("echo left-$((10 + 2))");
  await terminals.expectScreen(1, "left-12");
});

test("learner can reload the page and find the same terminals", async ({ lab, page }) => {
  test.setTimeout(240_000);
  const terminals = new Terminals(page);
  await terminals.newButton.click();
  await terminals.newButton.click();
  await terminals.splitToggle.click();
  await expect(terminals.tabs).toHaveCount(3);

  await lab.reload();
  await lab.expectReady("restore");
  await expect(terminals.tabs).toHaveCount(3);
  await expect(terminals.splitToggle).toHaveAttribute("aria-pressed", "true");
  await terminals.expectPlace(3, "host");
  await terminals.run(3, "echo back-$((1 + 2))");
  await terminals.expectScreen(3, "back-3");
  await expect(terminals.tab(3)).toBeVisible({ timeout: PLACE_TIMEOUT_MS });
});

// Init respawns every learner shell (images/rootfs/overlay/etc/inittab): a tab whose shell ended gets
// a fresh login shell by itself, in the same tab, with no restart to ask for.
test("learner can keep working in a terminal whose shell ended: a fresh shell comes back by itself", async ({ lab, page }) => {
  const terminals = new Terminals(page);
  await expect(lab.terminalInput).toBeFocused();
  await terminals.newButton.click();
  await terminals.expectPlace(2, "host");
  await terminals.run(2, "echo first-$$-end");
  const first = /first-(\d+)-end/;
  await terminals.expectScreen(2, first);
  const firstShell = first.exec(await terminals.screen(2).innerText())![1];

  await terminals.run(2, "exit");
  // The new shell may still be starting when the learner types: the learner types again until it answers.
  const second = /second-(\d+)-end/;
  await expect(async () => {
    await terminals.run(2, "echo second-$$-end");
    await expect(terminals.screen(2)).toContainText(second, { timeout: 3000, useInnerText: true });
  }).toPass({ timeout: 60_000 });
  const secondShell = second.exec(await terminals.screen(2).innerText())![1];
  expect(secondShell, "a new login shell, not the one that exited").not.toBe(firstShell);
  await expect(terminals.tabs).toHaveCount(2);
  await terminals.expectPlace(2, "host");
});
