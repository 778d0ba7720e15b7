// The comparison view's pure parts: the frame decoder, the memory rule for a second VM, the parsers of
// what the guest scripts print, and the view's messages in every locale.
import { describe, expect, it } from "vitest";
import { summarizeFrame } from "../../src/compare/frame-summary.ts";
import {
  containerAddress,
  isContainerName,
  parseContainers,
  parseFields,
  parseKernelIdentity,
  parseRtts,
  pingScript,
  startContainerScript,
} from "../../src/compare/guest-scripts.ts";
import { secondVmVerdict } from "../../src/compare/memory-guard.ts";
import { bundleConfig, runtimeId } from "../../src/compare/container-bundle.ts";
import { LOCALES } from "../../src/exercises/locales.ts";
import { COMPARE_MESSAGES } from "../../src/compare/compare-messages.ts";

const hex = (text: string): Uint8Array => Uint8Array.from(text.replace(/\s+/g, "").match(/../g)!, (b) => parseInt(b, 16));

describe("summarizeFrame", () => {
  const macs = "ffffffffffff 002215aabbcc";
  it("reads an ARP request", () => {
    const arp = hex(`${macs} 0806 0001 0800 06 04 0001 002215aabbcc 0a000201 000000000000 0a000202`);
    expect(summarizeFrame(arp)).toMatchObject({ protocol: "arp", text: "ARP who has 10.0.2.2? tell 10.0.2.1", sourceMac: "00:22:15:aa:bb:cc" });
  });
  it("reads an ICMP echo request and reply", () => {
    const ip = (type: string) => hex(`${macs} 0800 45 00 0054 0000 4000 40 01 0000 0a000201 0a000202 ${type} 00 0000`);
    expect(summarizeFrame(ip("08")).text).toBe("ICMP echo request 10.0.2.1 → 10.0.2.2");
    expect(summarizeFrame(ip("00")).text).toBe("ICMP echo reply 10.0.2.1 → 10.0.2.2");
  });
  it("names what it does not decode, and survives a runt", () => {
    expect(summarizeFrame(hex(`${macs} 86dd 00`)).protocol).toBe("ipv6");
    expect(summarizeFrame(hex("0102")).text).toBe("runt frame (2 bytes)");
  });
});

describe("secondVmVerdict", () => {
  it("allows when the browser tells nothing (Node, Firefox, Safari)", () => {
    expect(secondVmVerdict({})).toEqual({ allowed: true });
  });
  it("refuses a device with under 2 GB", () => {
    expect(secondVmVerdict({ deviceMemoryGb: 1 })).toEqual({ allowed: false, reason: "small-device", deviceMemoryGb: 1 });
    expect(secondVmVerdict({ deviceMemoryGb: 2 }).allowed).toBe(true);
  });
  it("refuses when the JavaScript heap is already nearly full", () => {
    expect(secondVmVerdict({ heapUsed: 900, heapLimit: 1000 }).allowed).toBe(false);
    expect(secondVmVerdict({ heapUsed: 500, heapLimit: 1000 }).allowed).toBe(true);
  });
});

describe("the view's OCI bundle", () => {
  const config = JSON.parse(bundleConfig("c2", { memoryBytes: 24 << 20, pids: 64 })) as {
    process: { args: string[]; noNewPrivileges: boolean };
    hostname: string;
    linux: { cgroupsPath: string; resources: { memory: { limit: number }; pids: { limit: number } }; namespaces: { type: string }[] };
  };
  it("runs the container in its own namespaces and in the cgroup the checks leave out", () => {
    expect(config.linux.namespaces.map((n) => n.type).sort()).toEqual(["cgroup", "ipc", "mount", "network", "pid", "uts"]);
    expect(config.linux.cgroupsPath).toBe("/lab-compare/c2");
    expect(config.linux.resources).toMatchObject({ memory: { limit: 24 << 20 }, pids: { limit: 64 } });
    expect(config.hostname).toBe("c2");
  });
  it("signals through /ready that its first command runs, and names itself in crun list", () => {
    expect(config.process.args.join(" ")).toMatch(/> \/ready; exec sleep/);
    expect(startContainerScript("c2")).toContain(`crun run -d --bundle $box --pid-file $box/pid ${runtimeId("c2")}`);
    expect(runtimeId("c2")).toBe("lab-compare-c2");
  });
});

describe("guest scripts", () => {
  it("accepts only c1..c9 as container names, and refuses others in scripts", () => {
    expect(isContainerName("c3")).toBe(true);
    expect(isContainerName("c10")).toBe(false);
    expect(isContainerName("c1; rm -rf /")).toBe(false);
    expect(() => startContainerScript("x")).toThrow(/not a container name/);
    expect(() => pingScript("10.99.0.12", "$(reboot)")).toThrow(/not a container name/);
    expect(containerAddress("c2")).toBe("10.99.0.12");
  });
  it("parses key-value output, kernel identity and the containers report", () => {
    expect(parseFields("a 1\nb two words\na 3").get("b")).toBe("two words");
    expect(parseKernelIdentity("kernel 6.1.0\nboot_id abc\nbtime 1700000000\nprocs 31")).toEqual({
      kernel: "6.1.0",
      bootId: "abc",
      bootTime: 1700000000,
      procs: 31,
    });
    expect(() => parseKernelIdentity("kernel 6.1.0")).toThrow(/boot_id/);
    const [c1] = parseContainers("container c1 74 1 110592 0 6.1.0 abc 3 c1\nnoise");
    expect(c1).toEqual({ name: "c1", pid: 74, visibleToVm: true, memoryCurrent: 110592, oomKills: 0, kernel: "6.1.0", bootId: "abc", procs: 3, hostname: "c1" });
    expect(parseRtts("rtt 1.5\nrtt 2\nreceived 3")).toEqual([1.5, 2]);
  });
});

describe("COMPARE_MESSAGES", () => {
  /** Every message as text; functions are called with a sample number for each argument. */
  const sample = (value: unknown): string => {
    if (typeof value !== "function") return String(value);
    const fn = value as (...args: unknown[]) => unknown;
    return String(fn(...Array.from({ length: fn.length }, () => 3)));
  };
  const flatten = (messages: object): Map<string, string> =>
    new Map(Object.entries(messages).map(([key, value]: [string, unknown]) => [key, sample(value)]));
  const english = flatten(COMPARE_MESSAGES.en);
  it.each(LOCALES)("%s has every message, none empty", (locale) => {
    const messages = flatten(COMPARE_MESSAGES[locale]);
    expect([...messages.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of messages) expect(text.trim(), key).not.toBe("");
  });
  it("Korean is translated (beyond names and commands)", () => {
    const korean = flatten(COMPARE_MESSAGES.ko);
    const same = [...english].filter(([key, text]) => korean.get(key) === text && /[a-z]{3}/i.test(text));
    expect(same.map(([key]) => key)).toEqual(["kernelRelease", "bootId"]); // the names of what the kernel prints
  });
});
