import { describe, expect, it } from "vitest";
import { IllegalTransitionError, canTransition, transition, type VmPhase, type VmState } from "../../src/vm/vm-state.ts";

const PHASES: readonly VmPhase[] = ["idle", "loading", "booting", "ready", "error", "disposed"];

/** A representative state for each phase. */
const STATE: Readonly<Record<VmPhase, VmState>> = {
  idle: { phase: "idle" },
  loading: { phase: "loading", mode: "restore", loadedBytes: 10, totalBytes: 100 },
  booting: { phase: "booting", mode: "cold" },
  ready: { phase: "ready", mode: "restore", bootMs: 300, bootId: "b" },
  error: { phase: "error", failure: { kind: "kernel-panic", message: "panic" } },
  disposed: { phase: "disposed" },
};

// The lifecycle, written out as the moves the VM makes (not derived from the module under test).
const ALLOWED: readonly (readonly [VmPhase, VmPhase])[] = [
  ["idle", "loading"], // start()
  ["idle", "error"], // e.g. assets missing before loading starts
  ["idle", "disposed"],
  ["loading", "loading"], // download progress
  ["loading", "booting"],
  ["loading", "error"],
  ["loading", "disposed"],
  ["booting", "ready"],
  ["booting", "error"],
  ["booting", "disposed"],
  ["ready", "error"], // kernel panic
  ["ready", "disposed"],
  ["error", "disposed"],
];

const isAllowed = (from: VmPhase, to: VmPhase): boolean => ALLOWED.some(([f, t]) => f === from && t === to);
const ALL_PAIRS = PHASES.flatMap((from) => PHASES.map((to) => [from, to] as const));

describe("VM state machine", () => {
  it.each(ALLOWED)("allows %s -> %s", (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(transition(STATE[from], STATE[to])).toBe(STATE[to]);
  });

  it.each(ALL_PAIRS.filter(([from, to]) => !isAllowed(from, to)))("refuses %s -> %s", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(() => transition(STATE[from], STATE[to])).toThrow(IllegalTransitionError);
    expect(() => transition(STATE[from], STATE[to])).toThrow(`a VM cannot go from ${from} to ${to}`);
  });

  it("treats disposed as terminal: nothing leaves it, not even another dispose", () => {
    for (const to of PHASES) expect(canTransition("disposed", to)).toBe(false);
  });

  it("can be disposed from every other phase", () => {
    for (const from of PHASES.filter((p) => p !== "disposed")) expect(canTransition(from, "disposed")).toBe(true);
  });

  it("never goes back to an earlier phase once ready (a late callback cannot resurrect the VM)", () => {
    for (const to of ["idle", "loading", "booting", "ready"] as const) expect(canTransition("ready", to)).toBe(false);
    for (const to of ["idle", "loading", "booting", "ready", "error"] as const) expect(canTransition("error", to)).toBe(false);
  });

  it("returns the new state object unchanged", () => {
    const next: VmState = { phase: "loading", mode: "cold", loadedBytes: 0, totalBytes: 5 };
    expect(transition({ phase: "idle" }, next)).toBe(next);
  });
});
