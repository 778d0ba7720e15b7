// A step's checks as <lab-course-step> gives them their results: a tick, a cross or a circle and the
// status in words for each check, the check's hint (or the targeted one a hintcheck found) under a
// failing one, and the Check now button, which waits for the machine and asks with a CheckNowEvent.
import { describe, expect, it } from "vitest";
import "../../src/course/lab-step-checks.ts";
import { CheckNowEvent } from "../../src/course/course-events.ts";
import type { CheckResult } from "../../src/exercises/check-runner.ts";
import type { LessonCheck } from "../../src/exercises/model.ts";
import { collect, mount } from "./mount.ts";

const check = (id: string, label: string, hint: string): LessonCheck => ({
  id,
  kind: "shell",
  script: "true",
  expect: { exitCode: 0 },
  timeoutMs: 5000,
  label,
  hint,
  hintchecks: [],
});

const checks = [
  check("ns", "A new `uts` namespace", "Use `unshare --uts`."),
  check("host", "The hostname is **box**", "Run `hostname box` inside it."),
  check("kept", "The host's name is unchanged", "Leave the host alone."),
];

const results: readonly CheckResult[] = [
  { id: "ns", passed: true, status: "passed", durationMs: 40 },
  { id: "host", passed: false, status: "failed", hint: "You renamed the host: run `hostname` *inside* the namespace.", recognised: "renamed-host", durationMs: 60 },
];

function rows(root: ShadowRoot) {
  return [...root.querySelectorAll<HTMLElement>('[data-testid="check"]')].map((row) => ({
    id: row.dataset.checkId,
    status: row.dataset.status,
    mark: row.querySelector(".mark")!.textContent,
    words: row.querySelector(".muted")!.textContent,
  }));
}

describe("<lab-step-checks>", () => {
  it("shows each check's latest result: passed, not yet, not checked yet", async () => {
    const { root } = await mount("lab-step-checks", { set: (element) => Object.assign(element, { checks, results, ready: true }) });
    expect(rows(root)).toEqual([
      { id: "ns", status: "passed", mark: "✓", words: "(passed)" },
      { id: "host", status: "failed", mark: "✗", words: "(not yet)" },
      { id: "kept", status: "pending", mark: "○", words: "(not checked yet)" },
    ]);
    // The labels' inline markdown is rendered.
    expect(root.querySelector('[data-check-id="host"] strong')!.textContent).toBe("box");
  });

  it("shows the targeted hint under a failing check only, and the check's own hint when nothing was recognised", async () => {
    const { element, root } = await mount("lab-step-checks", { set: (e) => Object.assign(e, { checks, results, ready: true }) });
    const hints = [...root.querySelectorAll<HTMLElement>('[data-testid="check-hint"]')];
    expect(hints).toHaveLength(1);
    expect(hints[0]!.closest("li")!.dataset.checkId).toBe("host");
    expect(hints[0]!.dataset.recognised).toBe("renamed-host");
    expect(hints[0]!.textContent.replace(/\s+/g, " ").trim()).toBe("Hint: You renamed the host: run hostname inside the namespace.");
    element.results = [{ id: "kept", passed: false, status: "timed-out", message: "The check took longer than 5 s.", durationMs: 5000 }];
    await element.updateComplete;
    const hint = root.querySelector<HTMLElement>('[data-check-id="kept"] [data-testid="check-hint"]')!;
    expect(hint.textContent.replace(/\s+/g, " ").trim()).toBe("Hint: Leave the host alone. The check took longer than 5 s.");
    expect(hint.hasAttribute("data-recognised")).toBe(false);
  });

  it("waits for the machine before it offers to check, then asks with a CheckNowEvent", async () => {
    const asked = collect<CheckNowEvent>(CheckNowEvent.type);
    const { element, root } = await mount("lab-step-checks", { set: (e) => Object.assign(e, { checks }) });
    const button = root.querySelector<HTMLButtonElement>('[data-testid="check-now"]')!;
    expect(button.disabled).toBe(true);
    expect(root.querySelector("p.muted")!.textContent).toBe("The checks run once the machine is ready.");
    element.ready = true;
    await element.updateComplete;
    expect(root.querySelector("p.muted")).toBeNull();
    button.click();
    expect(asked).toHaveLength(1);
    expect(asked[0]).toBeInstanceOf(CheckNowEvent);
    element.running = true;
    await element.updateComplete;
    expect(button.textContent.trim()).toBe("Checking…");
  });

  it("speaks Korean", async () => {
    const { root } = await mount("lab-step-checks", { locale: "ko", set: (e) => Object.assign(e, { checks, results, ready: true }) });
    expect(rows(root).map((row) => row.words)).toEqual(["(통과)", "(아직)", "(아직 확인 전)"]);
    expect(root.querySelector('[data-testid="check-now"]')!.textContent.trim()).toBe("지금 확인");
    expect(root.querySelector('[data-testid="check-hint"] strong')!.textContent).toBe("힌트:");
  });
});
