// Each VM's emulator runs in a Web Worker of its own: two VMs boot and ping each other over their cable
// (worker to worker) while the page keeps painting and VM 1 keeps answering its learner.
import { expect, test } from "./fixtures.ts";
import { CompareView } from "./pages/compare-view.ts";

/** What the page's main thread did while it was watched: animation frames painted, long tasks seen. */
interface Responsiveness {
  readonly frames: number;
  readonly longTasks: number;
  readonly longestTaskMs: number;
}

declare global {
  interface Window {
    labResponsiveness?: () => Responsiveness;
  }
}

test("learner can run two VMs that ping each other while the page stays responsive", async ({ lab, page }) => {
  test.setTimeout(420_000);
  const emulatorWorkers = (): number => page.workers().filter((w) => /emulator-worker/.test(w.url())).length;
  // The learner's VM already runs in its own worker, not on the page's thread.
  expect(emulatorWorkers()).toBe(1);

  await page.evaluate(() => {
    let frames = 0;
    let longTasks = 0;
    let longestTaskMs = 0;
    const paint = (): void => {
      frames++;
      requestAnimationFrame(paint);
    };
    requestAnimationFrame(paint);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        longTasks++;
        longestTaskMs = Math.max(longestTaskMs, entry.duration);
      }
    }).observe({ type: "longtask" });
    window.labResponsiveness = () => ({ frames, longTasks, longestTaskMs });
  });

  const compare = new CompareView(page);
  await compare.open();
  await compare.button("boot-vm2").click();
  // While VM 2 boots its kernel, VM 1 answers its learner.
  await lab.run("echo while-vm2-boots-$((40+2))");
  await lab.expectScreenToShow("while-vm2-boots-42");
  await expect(compare.vm2Status).toHaveAttribute("data-phase", "ready", { timeout: 180_000 });
  await expect(compare.busy).toHaveCount(0, { timeout: 90_000 });
  await expect(compare.error).toHaveCount(0);
  // VM 2 has a worker of its own.
  expect(emulatorWorkers()).toBe(2);

  await lab.run("ip addr add 10.0.2.1/24 dev eth0 && ip link set eth0 up && echo up-$((6*7))");
  await lab.expectScreenToShow("up-42");
  await compare.act("ping-vms");
  await expect(compare.view.getByTestId("ping-result")).toContainText("3/3 replies");
  // The page saw the frames (copies reported by the workers; the cable itself runs worker to worker).
  await expect(compare.view.getByTestId("frames")).toContainText("ICMP echo reply");

  const seen = await page.evaluate(() => window.labResponsiveness!());
  test.info().annotations.push({ type: "main thread while two VMs ran", description: JSON.stringify(seen) });
  // The page kept painting the whole time both guests computed.
  expect(seen.frames).toBeGreaterThan(30);

  await compare.close();
  await expect.poll(emulatorWorkers).toBe(1);
});
