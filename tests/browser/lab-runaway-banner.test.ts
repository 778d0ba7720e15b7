// The way out of a runaway shell, given the shell's health and the recovery's state as <lab-messages>
// gives them: nothing while the shell is fine; a warning with the Stop button for a fork bomb or a silent
// console; what was killed and kept afterwards. Both languages.
import { describe, expect, it } from "vitest";
import "../../src/app/lab-runaway-banner.ts";
import { LabActionEvent } from "../../src/app/lab-events.ts";
import type { RecoveryState } from "../../src/session/shell-health-controller.ts";
import type { ShellHealth } from "../../src/session/shell-health.ts";
import { collect, mount } from "./mount.ts";

function banner(health: ShellHealth, recovery: RecoveryState = { kind: "idle" }, locale: "en" | "ko" = "en") {
  return mount("lab-runaway-banner", { locale, set: (element) => Object.assign(element, { health, recovery }) });
}

/** The banner's heading and text as a learner reads them (lab-banner renders the heading in its own root). */
function shown(root: ShadowRoot): { kind: string | null; heading: string; text: string } {
  const element = root.querySelector<HTMLElement>('[data-testid="runaway-banner"], [data-testid="runaway-stopped"]')!;
  return {
    kind: element.dataset.kind ?? element.dataset.testid ?? null,
    heading: element.shadowRoot!.querySelector("h2")!.textContent,
    text: element.textContent.replace(/\s+/g, " ").trim(),
  };
}

describe("<lab-runaway-banner>", () => {
  it("shows nothing while the shell is healthy", async () => {
    const { root } = await banner({ kind: "healthy" });
    expect(root.querySelector("lab-banner")).toBeNull();
  });

  it("names a fork bomb with its process count and limit, and the Stop button asks to stop it", async () => {
    const actions = collect<LabActionEvent>(LabActionEvent.type);
    const { root } = await banner({ kind: "runaway", processes: 512, limit: 512 });
    const { kind, heading, text } = shown(root);
    expect(kind).toBe("runaway");
    expect(heading).toBe("Runaway processes in your shell");
    expect(text).toContain("(512 of at most 512 processes: a fork bomb?)");
    const stop = root.querySelector<HTMLButtonElement>('[data-testid="stop-runaway-button"]')!;
    expect(stop.textContent.trim()).toBe("Stop runaway processes");
    stop.click();
    expect(actions.map((event) => event.action)).toEqual(["stop-runaway"]);
  });

  it("says a silent console stopped answering, with the seconds it waited", async () => {
    const { root } = await banner({ kind: "silent", silentMs: 12_400 });
    const { kind, heading, text } = shown(root);
    expect(kind).toBe("silent");
    expect(heading).toBe("Your terminal stopped answering");
    expect(text).toContain("Nothing came back for 12 s after you typed");
  });

  it("disables the Stop button while stopping, and says why a stop failed", async () => {
    const stopping = await banner({ kind: "runaway", processes: 300, limit: undefined }, { kind: "stopping" });
    const button = stopping.root.querySelector<HTMLButtonElement>('[data-testid="stop-runaway-button"]')!;
    expect(button.disabled).toBe(true);
    expect(button.textContent.trim()).toBe("Stopping…");
    stopping.element.health = { kind: "healthy" };
    stopping.element.recovery = { kind: "failed", message: "The agent did not answer in 120 s." };
    await stopping.element.updateComplete;
    const { heading, text } = shown(stopping.root);
    expect(heading).toBe("The processes could not be stopped");
    expect(text).toContain("The agent did not answer in 120 s.");
    expect(stopping.root.querySelector<HTMLButtonElement>('[data-testid="stop-runaway-button"]')!.disabled).toBe(false);
  });

  it("after a stop, says what was killed (the first eight names) and that the login shells were kept; dismissing asks to dismiss", async () => {
    const actions = collect<LabActionEvent>(LabActionEvent.type);
    const killedByName = [["bomb", 500], ...Array.from({ length: 8 }, (_, i) => [`p${i}`, 1] as const)] as const;
    const { root } = await banner({ kind: "healthy" }, { kind: "stopped", report: { keptShells: 2, killed: 508, killedByName } });
    const { kind, heading } = shown(root);
    expect(kind).toBe("runaway-stopped");
    expect(heading).toBe("Runaway processes stopped");
    expect(root.querySelector('[data-testid="runaway-stopped-message"]')!.textContent.trim()).toBe(
      "Killed 508 processes in the learner's cgroup; your 2 login shells were kept. Press Enter in the terminal for a fresh prompt.",
    );
    expect(root.querySelector('[data-testid="runaway-killed"]')!.textContent).toBe("Killed: bomb ×500, p0 ×1, p1 ×1, p2 ×1, p3 ×1, p4 ×1, p5 ×1, p6 ×1, …");
    root.querySelector("lab-banner")!.shadowRoot!.querySelector<HTMLButtonElement>('[data-testid="banner-dismiss"]')!.click();
    expect(actions.map((event) => event.action)).toEqual(["dismiss-recovery"]);
  });

  it("says when there was nothing to stop, without a list", async () => {
    const { root } = await banner({ kind: "healthy" }, { kind: "stopped", report: { keptShells: 1, killed: 0, killedByName: [] } });
    expect(root.querySelector('[data-testid="runaway-stopped-message"]')!.textContent.trim()).toBe(
      "There was nothing to stop: only your login shell ran in the learner's cgroup.",
    );
    expect(root.querySelector('[data-testid="runaway-killed"]')).toBeNull();
  });

  it("speaks Korean, and follows a change of language", async () => {
    const mounted = await banner({ kind: "runaway", processes: 512, limit: 512 }, { kind: "idle" }, "ko");
    expect(shown(mounted.root).heading).toBe("셸에서 프로세스가 폭주하고 있습니다");
    expect(mounted.root.querySelector('[data-testid="stop-runaway-button"]')!.textContent.trim()).toBe("폭주 프로세스 중지");
    await mounted.setLocale("en");
    expect(shown(mounted.root).heading).toBe("Runaway processes in your shell");
  });
});
