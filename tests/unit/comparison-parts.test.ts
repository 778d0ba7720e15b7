// The comparison's parts that decide without a guest: which container name comes next, who survived a
// memory hog, what a ping printed, when the cable is (re)wired, how the frame trace is kept, which
// figures a session state and the manifest give, the state slices the facade merges, and the frame
// decoder fed whatever bytes a guest's network card sends.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { summarizeFrame } from "../../src/compare/frame-summary.ts";
import { nextContainerName, survivors } from "../../src/compare/container-side.ts";
import type { ContainerReport } from "../../src/compare/guest-scripts.ts";
import { isSnapshotClone, manifestFigures, overheadOf, vm1StartFigures } from "../../src/compare/measurements.ts";
import { pingResult } from "../../src/compare/ping-result.ts";
import { bootTimeAfter } from "../../src/compare/second-vm.ts";
import { StateSlice } from "../../src/compare/state-slice.ts";
import { FRAME_TRACE_LIMIT, NO_CABLE, cableStep, withFrame, type CableState, type TracedFrame } from "../../src/compare/vm-cable.ts";
import { parseManifest } from "../../src/vm/manifest.ts";
import { SAMPLE_MANIFEST } from "./manifest-fixture.ts";

describe("nextContainerName", () => {
  it("takes the first free name of c1..c9, filling gaps left by removed containers", () => {
    expect(nextContainerName([])).toBe("c1");
    expect(nextContainerName(["c1", "c2"])).toBe("c3");
    expect(nextContainerName(["c1", "c3"])).toBe("c2");
  });
  it("refuses a tenth container", () => {
    const nine = Array.from({ length: 9 }, (_, i) => `c${i + 1}`);
    expect(() => nextContainerName(nine)).toThrow(/nine containers are enough/);
  });
});

describe("survivors", () => {
  const report = (name: string, visibleToVm: boolean): ContainerReport => ({ name, pid: 10, visibleToVm, memoryCurrent: 1, oomKills: 0, kernel: "6.1", bootId: "b", procs: 2, hostname: name });
  it("names the other containers whose processes VM 1 still sees", () => {
    expect(survivors([report("c1", false), report("c2", true), report("c3", false)], "c1")).toEqual(["c2"]);
    expect(survivors([report("c1", true)], "c1")).toEqual([]);
  });
});

describe("pingResult", () => {
  it("reads round trips, the received count and the neighbour's MAC", () => {
    const out = "rtt 1.52\nrtt 0.98\nrtt 1.1\nreceived 3\nneighbour 00:22:15:aa:bb:cc\nstatus 0\n";
    expect(pingResult("vm1", "vm2", out)).toEqual({ from: "vm1", to: "vm2", rttsMs: [1.52, 0.98, 1.1], received: 3, neighbour: "00:22:15:aa:bb:cc" });
  });
  it("reports a ping that got nothing back as zero received, no neighbour", () => {
    expect(pingResult("c1", "c2", "received \nneighbour \nstatus 1\n")).toEqual({ from: "c1", to: "c2", rttsMs: [], received: 0, neighbour: "" });
  });
});

describe("cableStep", () => {
  const a = { id: "a" };
  const b = { id: "b" };
  const reset = { id: "a after reset" };
  it("wires two running machines, once", () => {
    expect(cableStep(undefined, a, b, true)).toBe("link");
    expect(cableStep({ a, b }, a, b, true)).toBe("keep");
  });
  it("rewires when one end is a new machine", () => {
    expect(cableStep({ a, b }, reset, b, true)).toBe("link");
  });
  it("keeps the cable on the same machines while one is down, and drops it when a machine is gone", () => {
    expect(cableStep({ a, b }, a, b, false)).toBe("keep");
    expect(cableStep({ a, b }, a, undefined, true)).toBe("unlink");
    expect(cableStep({ a, b }, reset, b, false)).toBe("unlink");
    expect(cableStep(undefined, a, undefined, false)).toBe("keep");
  });
});

describe("withFrame", () => {
  const frame = (n: number): TracedFrame => ({ from: n % 2 ? "vm1" : "vm2", summary: { protocol: "arp", text: `frame ${n}`, bytes: 42, sourceMac: "", destinationMac: "" } });
  it("keeps the newest frames and counts them all", () => {
    let trace: CableState = NO_CABLE;
    for (let n = 1; n <= FRAME_TRACE_LIMIT + 3; n++) trace = { ...trace, ...withFrame(trace, frame(n)) };
    expect(trace.framesTotal).toBe(FRAME_TRACE_LIMIT + 3);
    expect(trace.frames).toHaveLength(FRAME_TRACE_LIMIT);
    expect(trace.frames[0]!.summary.text).toBe("frame 4");
    expect(trace.frames.at(-1)!.summary.text).toBe(`frame ${FRAME_TRACE_LIMIT + 3}`);
  });
});

describe("session figures", () => {
  it("keeps VM 2's last boot time while it is not ready", () => {
    expect(bootTimeAfter({ phase: "ready", mode: "cold", bootMs: 9000, bootId: "x" }, undefined)).toBe(9000);
    expect(bootTimeAfter({ phase: "booting", mode: "cold" }, 9000)).toBe(9000);
  });
  it("reads VM 1's start from a running state only, and whether it resumed the snapshot", () => {
    expect(vm1StartFigures({ phase: "ready", mode: "restore", bootMs: 800, bootId: "x" })).toEqual({ vm1BootMs: 800, vm1Restored: true });
    expect(vm1StartFigures({ phase: "unresponsive", mode: "cold", bootMs: 9000, bootId: "x" })).toEqual({ vm1BootMs: 9000, vm1Restored: false });
    expect(vm1StartFigures({ phase: "booting", mode: "restore" })).toBeUndefined();
  });
});

describe("manifest figures", () => {
  const manifest = parseManifest(SAMPLE_MANIFEST);
  it("sizes a VM's OS as kernel, initrd and /usr disk, and its memory as the machine's RAM", () => {
    expect(manifestFigures(manifest)).toEqual({ vmImageBytes: 2700000 + 1500000 + 524288, memoryBytes: 134217728 });
  });
  it("calls a machine a clone when it runs with the snapshot's boot id", () => {
    const identity = (bootId: string) => ({ kernel: "6.1", bootId, bootTime: 1, procs: 9 });
    expect(isSnapshotClone(identity("c94a6696"), manifest)).toBe(true);
    expect(isSnapshotClone(identity("0badb007"), manifest)).toBe(false);
    expect(isSnapshotClone(identity("c94a6696"), undefined)).toBe(false);
  });
});

describe("overheadOf", () => {
  const fields = (ms: string, digest: string) => new Map([["ms", ms], ["digest", digest]]);
  it("takes each run's time and says whether all three computed the same digest", () => {
    const o = overheadOf({ ms: 2, digest: "abc" }, fields("3000", "abc"), fields("3100", "abc"), "c1", 4096);
    expect(o).toEqual({ bytes: 4096, nativeMs: 2, vmMs: 3000, containerMs: 3100, container: "c1", digestsMatch: true });
    expect(overheadOf({ ms: 2, digest: "abc" }, fields("3000", "abc"), fields("3100", "abd"), "c1", 4096).digestsMatch).toBe(false);
  });
  it("refuses a run that printed no time", () => {
    expect(() => overheadOf({ ms: 2, digest: "abc" }, new Map([["digest", "abc"]]), fields("1", "abc"), "c1", 1)).toThrow();
  });
});

describe("StateSlice", () => {
  it("patches its value immutably and announces every change", () => {
    let changes = 0;
    const slice = new StateSlice({ a: 1, b: "x" }, () => changes++);
    const before = slice.value;
    slice.set({ a: 2 });
    expect(slice.value).toEqual({ a: 2, b: "x" });
    expect(before).toEqual({ a: 1, b: "x" });
    expect(changes).toBe(1);
  });
});

describe("summarizeFrame on any bytes", () => {
  const etherTypes = fc.constantFrom(0x0806, 0x0800, 0x86dd, 0x88cc, 0x0000, 0xffff);
  /** A frame whose EtherType is one the decoder knows (or not), with random contents of any length. */
  const frame = fc.oneof(
    fc.uint8Array({ maxLength: 80 }),
    fc.tuple(fc.uint8Array({ minLength: 12, maxLength: 12 }), etherTypes, fc.uint8Array({ maxLength: 60 })).map(([head, type, rest]) => Uint8Array.from([...head, type >> 8, type & 0xff, ...rest])),
  );

  it("always names a protocol and the frame's length, whatever arrives, and never throws", () => {
    fc.assert(
      fc.property(frame, (bytes) => {
        const summary = summarizeFrame(bytes);
        expect(summary.bytes).toBe(bytes.length);
        expect(summary.text.length).toBeGreaterThan(0);
        expect(summary.text).not.toMatch(/undefined|NaN/);
        if (bytes.length < 14) expect(summary.protocol).toBe("other");
        const type = bytes.length >= 14 ? (bytes[12]! << 8) | bytes[13]! : -1;
        if (summary.protocol === "arp") expect(type).toBe(0x0806);
        if (summary.protocol === "icmp" || summary.protocol === "ipv4") expect(type).toBe(0x0800);
        if (summary.protocol === "ipv6") expect(type).toBe(0x86dd);
      }),
      { numRuns: 500 },
    );
  });
});
