// Saved work: the learner's machine survives a reload, progress and machines move as files, files go
// into the guest and back out, damaged saves and wrong files are refused without losing anything, and
// the instructor's report prints.
import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures.ts";
import { SavedWorkPage } from "./pages/saved-work.ts";

const PROGRESS_KEY = "isolation-lab.progress.v1";

test("learner can save the machine and resume it after a reload", async ({ lab, page }) => {
  const saved = new SavedWorkPage(page);
  await lab.run("echo persisted-$((6*7)) > /root/keep.txt; echo wrote-it");
  await lab.expectScreenToShow("wrote-it");
  await saved.save();
  // The state was compressed and hashed in a worker of its own, not on the page's thread.
  const packingWorkers = (): number => page.workers().filter((w) => /machine-pack-worker/.test(w.url())).length;
  expect(packingWorkers()).toBe(1);

  await lab.reload();
  // The page offers the saved machine instead of starting a fresh one.
  await expect(saved.resumeOffer).toBeVisible();
  await expect(saved.resumeOffer).toContainText(/Resume your saved machine \(saved .+\)/);
  await saved.resumeButton.click();
  await lab.expectReady("restore");
  await expect(saved.resumeOffer).toHaveCount(0);
  expect(packingWorkers()).toBe(1); // unpacked there too
  // The terminal shows what it showed when the machine was saved, and the machine is the same one.
  await lab.expectScreenToShow("wrote-it");
  await lab.run("cat /root/keep.txt");
  await lab.expectScreenToShow("persisted-42");
});

test("learner can start fresh instead of resuming", async ({ lab, page }) => {
  const saved = new SavedWorkPage(page);
  await lab.run("touch /root/old-machine");
  await saved.save();
  await lab.reload();
  await saved.startFreshButton.click();
  await lab.expectReady("restore");
  await lab.run("ls /root/old-machine");
  await lab.expectScreenToShow("No such file or directory");
});

test("learner sees a clear message for a corrupt saved state", async ({ lab, page }) => {
  const saved = new SavedWorkPage(page);
  await lab.run("echo before-damage");
  await saved.save();
  await saved.damageStoredMachine();

  await lab.reload();
  await saved.resumeButton.click();
  await expect(saved.problem).toHaveAttribute("data-kind", "saved-corrupt");
  await expect(saved.problem).toContainText("Your saved machine is damaged and cannot be resumed");
  // The damaged state never reached the emulator: no machine is running, the way out is offered.
  await expect(lab.status).not.toHaveAttribute("data-phase", "ready");
  await saved.problem.getByTestId("start-fresh-button").click();
  await lab.expectReady("restore");
  await lab.expectPrompt();
  await expect(saved.problem).toHaveCount(0);

  // A saved machine whose header is garbage is refused as soon as the page opens.
  await saved.writeStoredMachine([...Buffer.from("ISOLAB-VM\n\x05\x00\x00\x00{oops")]);
  await lab.reload();
  await expect(saved.problem).toHaveAttribute("data-kind", "saved-corrupt");
  await saved.problem.getByTestId("start-fresh-button").click();
  await lab.expectReady("restore");
});

test("learner is told a machine saved by another version of the lab cannot be resumed", async ({ lab, page }) => {
  const saved = new SavedWorkPage(page);
  await saved.save();
  await saved.pretendSavedByAnotherBuild();
  await lab.reload();
  await expect(saved.problem).toHaveAttribute("data-kind", "saved-incompatible");
  await expect(saved.problem).toContainText("Your saved machine cannot be resumed: it was saved with another build of the lab's Linux image.");
  await expect(saved.resumeOffer).toHaveCount(0);
  await saved.problem.getByTestId("start-fresh-button").click();
  await lab.expectReady("restore");
  await lab.expectPrompt();
});

test("learner can export and import progress", async ({ lab, page, course }) => {
  const saved = new SavedWorkPage(page);
  // Progress made earlier on this computer: the first two steps of the first exercise.
  await page.evaluate((key) => {
    const done = { "inside-a-vm": ["own-kernel", "boot-log"] };
    const doneAt = { "inside-a-vm/own-kernel": "2026-03-01T09:00:00.000Z", "inside-a-vm/boot-log": "2026-03-01T09:05:00.000Z" };
    localStorage.setItem(key, JSON.stringify({ version: 1, position: { view: "overview" }, done, answers: {}, doneAt }));
  }, PROGRESS_KEY);
  await lab.reload();
  await lab.expectReady();
  await expect(course.exerciseEntry("inside-a-vm").getByTestId("overview-count")).toHaveText("2/6 steps");

  const download = await saved.download("export-progress");
  expect(download.suggestedFilename()).toMatch(/^isolation-lab-progress-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
  const exported = await readFile(await download.path());
  expect(JSON.parse(exported.toString())).toMatchObject({ kind: "isolation-lab-progress", progress: { done: { "inside-a-vm": ["own-kernel", "boot-log"] } } });

  // Another computer: no progress yet. A wrong file is refused and changes nothing.
  await page.evaluate((key) => localStorage.removeItem(key), PROGRESS_KEY);
  await lab.reload();
  await lab.expectReady();
  await expect(course.exerciseEntry("inside-a-vm").getByTestId("overview-count")).toHaveText("0/6 steps");
  await saved.importFile({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("my notes") });
  await expect(saved.problem).toHaveAttribute("data-kind", "import-unknown");
  await expect(saved.problem).toContainText("notes.txt is not an exported progress or machine file. Nothing was changed.");
  await expect(course.exerciseEntry("inside-a-vm").getByTestId("overview-count")).toHaveText("0/6 steps");

  await saved.importFile({ name: download.suggestedFilename(), mimeType: "application/json", buffer: exported });
  await expect(saved.notice).toContainText("Progress imported: 2 steps done in all.");
  await expect(saved.problem).toHaveCount(0);
  await expect(course.exerciseEntry("inside-a-vm").getByTestId("overview-count")).toHaveText("2/6 steps");
});

test("learner can export the machine and import it on another computer", async ({ lab, page }) => {
  const saved = new SavedWorkPage(page);
  await lab.run("echo handed-in-$((2*21)) > /root/homework.txt");
  const download = await saved.download("export-machine");
  expect(download.suggestedFilename()).toMatch(/\.islab$/);
  const file = await readFile(await download.path());

  await lab.reset();
  await lab.run("ls /root/homework.txt");
  await lab.expectScreenToShow("No such file or directory");
  const before = await lab.machineNumber();
  await saved.importFile({ name: download.suggestedFilename(), mimeType: "application/octet-stream", buffer: file });
  await expect(lab.status).toHaveAttribute("data-machine", String(before + 1));
  await lab.expectReady("restore");
  await expect(saved.notice).toContainText("Machine imported");
  await lab.run("cat /root/homework.txt");
  await lab.expectScreenToShow("handed-in-42");

  // A damaged copy of the file is refused and the running machine stays.
  const damaged = Buffer.from(file);
  damaged.fill(0x41, damaged.length - 5000, damaged.length - 4000);
  await saved.importFile({ name: "damaged.islab", mimeType: "application/octet-stream", buffer: damaged });
  await expect(saved.problem).toHaveAttribute("data-kind", "import-corrupt");
  await expect(lab.status).toHaveAttribute("data-machine", String(before + 1));
});

test("learner can upload a file into the guest and download it back", async ({ lab, page }) => {
  const saved = new SavedWorkPage(page);
  await saved.openMenuItem("open-files");
  await expect(saved.files).toBeVisible();

  const chooser = page.waitForEvent("filechooser");
  await saved.files.getByTestId("choose-upload").click();
  await (await chooser).setFiles({ name: "hello lab.txt", mimeType: "text/plain", buffer: Buffer.from("greetings from the host\n") });
  await expect(saved.files.getByTestId("transfer-done")).toHaveText("Copied to /root/hello_lab.txt (24 B).");
  await lab.run("cat /root/hello_lab.txt");
  await lab.expectScreenToShow("greetings from the host");

  // Dropping a file onto the terminal copies it into /root too.
  await saved.files.getByTestId("close-files").click();
  await expect(saved.files).toBeHidden();
  const drop = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(["dropped bytes\n"], "dropped.txt", { type: "text/plain" }));
    return data;
  });
  await lab.page.getByTestId("terminal-region").dispatchEvent("dragover", { dataTransfer: drop });
  await lab.page.getByTestId("terminal-region").dispatchEvent("drop", { dataTransfer: drop });
  await expect(saved.files.getByTestId("transfer-done")).toHaveText("Copied to /root/dropped.txt (14 B).");

  // And back out.
  await lab.run("seq 1 5000 > /root/numbers.txt; echo made-numbers");
  await lab.expectScreenToShow("made-numbers");
  await saved.files.getByTestId("download-path").fill("/root/numbers.txt");
  const download = page.waitForEvent("download");
  await saved.files.getByTestId("download-button").click();
  const file = await readFile(await (await download).path());
  expect(file.toString()).toBe(Array.from({ length: 5000 }, (_, i) => `${i + 1}\n`).join(""));
  await expect(saved.files.getByTestId("transfer-done")).toHaveText("Downloaded numbers.txt (23.9 kB).");

  // A path that does not exist gets a clear message.
  await saved.files.getByTestId("download-path").fill("/root/no-such-file");
  await saved.files.getByTestId("download-button").click();
  await expect(saved.files.getByTestId("transfer-error")).toContainText("/root/no-such-file does not exist in the machine.");
});

test("learner can print a progress report for the instructor", async ({ lab, page }) => {
  const saved = new SavedWorkPage(page);
  await page.evaluate((key) => {
    const done = { "inside-a-vm": ["own-kernel"] };
    const doneAt = { "inside-a-vm/own-kernel": "2026-03-01T09:00:00.000Z" };
    localStorage.setItem(key, JSON.stringify({ version: 1, position: { view: "overview" }, done, answers: {}, doneAt }));
  }, PROGRESS_KEY);
  await lab.reload();
  await lab.expectReady();

  await saved.openMenuItem("open-report");
  await expect(saved.report).toBeVisible();
  await expect(saved.report.getByTestId("report-summary")).toHaveText(/^1 of \d+ steps done; 0 of \d+ exercises complete\.$/);
  const first = saved.report.locator('[data-testid="report-exercise"][data-exercise="inside-a-vm"]');
  await expect(first.locator('[data-step="own-kernel"]')).toHaveAttribute("data-done", "true");
  await expect(first.locator('[data-step="own-kernel"]')).toContainText("Mar 1, 2026");
  await expect(first.locator('[data-step="boot-log"]')).toHaveAttribute("data-done", "false");
  await saved.report.getByTestId("learner-name").fill("Kim Minji");

  // On paper only the report shows.
  await page.emulateMedia({ media: "print" });
  await expect(saved.report).toBeVisible();
  await expect(lab.status).toBeHidden();
  await expect(lab.terminal).toBeHidden();
  await expect(saved.report.getByTestId("print-report")).toBeHidden();
  await expect(saved.report.getByTestId("learner-name")).toHaveValue("Kim Minji");
  await page.emulateMedia({ media: "screen" });
  await saved.report.getByTestId("close-report").click();
  await expect(saved.report).toHaveCount(0);
});

test("learner is told when the browser's storage is full, and keeps the previous save", async ({ labPage: lab, page }) => {
  // Simulates a full disk: once the page sets the flag, every IndexedDB write fails the way a browser
  // over its quota fails it.
  await page.addInitScript(() => {
    const put = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, "put")!.value as (...args: unknown[]) => IDBRequest<IDBValidKey>;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: unknown[]) {
      if ((window as unknown as { labStorageFull?: boolean }).labStorageFull) {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      }
      return put.apply(this, args);
    };
  });
  const saved = new SavedWorkPage(page);
  await lab.open();
  await lab.expectReady("restore");
  await lab.run("echo first > /root/first.txt");
  await saved.save();
  const firstSave = await saved.savedAt.textContent();

  await page.evaluate(() => ((window as unknown as { labStorageFull?: boolean }).labStorageFull = true));
  await lab.run("echo second > /root/second.txt");
  await saved.saveButton.click();
  await expect(saved.problem).toHaveAttribute("data-kind", "quota");
  await expect(saved.problem).toContainText("The browser's storage is full");
  await expect(saved.problem).toContainText("The previous save and your course progress are kept.");
  // The header still names the save that worked, and the machine keeps running.
  await expect(saved.savedAt).toHaveText(firstSave ?? "");
  await lab.run("echo still-running");
  await lab.expectScreenToShow("still-running");

  // The previous save is intact: it resumes after a reload.
  await lab.reload();
  await saved.resumeButton.click();
  await lab.expectReady("restore");
  await lab.run("cat /root/first.txt; ls /root/second.txt");
  await lab.expectScreenToShow("No such file or directory");
  await lab.expectScreenToShow(/^first$/m);
});

test.describe("in Korean", () => {
  test.use({ locale: "ko-KR" });

  test("learner can resume the saved machine with the offer in Korean", async ({ labPage: lab, page }) => {
    const saved = new SavedWorkPage(page);
    await lab.open();
    await expect(lab.status).toHaveAttribute("data-phase", "ready", { timeout: 90_000 });
    await saved.saveButton.click();
    await expect(saved.savedAt).toHaveText(/에 저장됨$/, { timeout: 60_000 });
    await lab.reload();
    await expect(saved.resumeOffer).toContainText("저장해 둔 머신");
    await expect(saved.resumeButton).toHaveText("이어서 하기");
    await saved.resumeButton.click();
    await expect(lab.status).toHaveAttribute("data-phase", "ready", { timeout: 90_000 });
  });
});
