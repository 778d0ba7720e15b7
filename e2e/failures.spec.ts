import { expect, test } from "./fixtures.ts";

test("learner is told how to build the guest image when it is missing, and can check again", async ({ labPage: lab, page }) => {
  await page.route("**/guest/manifest.json", (route) => route.fulfill({ status: 404, body: "not found" }));
  await lab.open();
  await expect(lab.status).toHaveAttribute("data-phase", "error");
  await expect(lab.failurePanel).toHaveAttribute("data-kind", "assets-missing");
  await expect(lab.failurePanel).toContainText("npm start");
  await expect(lab.failurePanel).toContainText("bash images/build.sh");

  await page.unroute("**/guest/manifest.json");
  await lab.failureAction("Check again").click();
  await lab.expectReady("restore");
  await expect(lab.failurePanel).toHaveCount(0);
});

test("learner can retry a download that failed", async ({ labPage: lab, page }) => {
  await page.route("**/guest/state.bin.zst", (route) => route.abort("connectionreset"));
  await lab.open();
  await expect(lab.failurePanel).toHaveAttribute("data-kind", "download-failed");
  await expect(lab.statusText).toHaveText("The machine could not be downloaded");

  await page.unroute("**/guest/state.bin.zst");
  await lab.failureAction("Retry").click();
  await lab.expectReady("restore");
  await lab.expectPrompt();
});

test("learner is told when a part of the machine's /usr disk cannot be downloaded, and can retry", async ({ labPage: lab, page }) => {
  // Every program lives on the /usr disk, loaded in parts; a part that never arrives must not leave the
  // guest waiting for it with nothing said.
  await page.route("**/guest/usr-*.img", (route) => route.fulfill({ status: 503, body: "busy" }));
  await lab.open();
  await expect(lab.failurePanel).toHaveAttribute("data-kind", "download-failed");
  await expect(lab.statusText).toHaveText("The machine could not be downloaded");

  await page.unroute("**/guest/usr-*.img");
  await lab.failureAction("Retry").click();
  await lab.expectReady("restore");
  await lab.expectPrompt();
});

test("learner can reset after the guest kernel panicked", async ({ lab }) => {
  await lab.run("echo c > /proc/sysrq-trigger");
  await expect(lab.failurePanel).toHaveAttribute("data-kind", "kernel-panic");
  await expect(lab.status).toHaveAttribute("data-phase", "error");

  await lab.failureAction("Reset machine").click();
  await lab.expectReady("restore");
  await lab.expectPrompt();
  await lab.run("echo alive-$((3*3))");
  await lab.expectScreenToShow("alive-9");
});

test("learner is offered a reset when the machine stops answering", async ({ lab }) => {
  // Freeze the guest agent: the page's liveness probe gets no answer, as with a hung guest.
  await lab.run("kill -STOP $(pidof lab-agent)");
  await expect(lab.failurePanel).toHaveAttribute("data-kind", "unresponsive", { timeout: 45_000 });
  await expect(lab.status).toHaveAttribute("data-phase", "unresponsive");

  await lab.failureAction("Reset machine").click();
  await lab.expectReady("restore");
  await lab.run("echo fresh-$((5*5))");
  await lab.expectScreenToShow("fresh-25");
});

test("learner is told when the saved machine cannot be used, and gets a cold-booted one", async ({ labPage: lab, page }) => {
  // A snapshot saved by another v86 build cannot be restored: the page boots from scratch instead.
  await page.route("**/guest/manifest.json", async (route) => {
    const response = await route.fetch();
    const manifest = (await response.json()) as { v86Version: string };
    await route.fulfill({ response, json: { ...manifest, v86Version: "0.0.1-elsewhere" } });
  });
  await lab.open();
  await expect(page.getByTestId("notice")).toContainText("booting from scratch");
  await lab.expectReady("cold");
  await lab.expectPrompt();
  await lab.run("echo booted-$((4*4))");
  await lab.expectScreenToShow("booted-16");

  await page.getByTestId("notice").getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByTestId("notice")).toHaveCount(0);
});

test.describe("in Korean", () => {
  test.use({ locale: "ko-KR" });

  test("learner reads what went wrong in Korean, with the technical detail beside it", async ({ labPage: lab, page }) => {
    await page.route("**/guest/manifest.json", (route) => route.fulfill({ status: 404, body: "not found" }));
    await lab.open();
    await expect(lab.failurePanel).toHaveAttribute("data-kind", "assets-missing");
    await expect(lab.failurePanel).toContainText("게스트 이미지가 없거나");
    await expect(lab.failurePanel).toContainText("bash images/build.sh");
    await expect(page.getByTestId("failure-detail")).toContainText("manifest.json was not found");
  });
});
