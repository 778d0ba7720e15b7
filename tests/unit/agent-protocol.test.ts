import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  FRAME_PREFIX,
  LineSplitter,
  base64ToBytes,
  bytesToBase64,
  decodeFrame,
  encodeRequest,
} from "../../src/vm/agent-protocol.ts";

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const nodeBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString("base64");

describe("encodeRequest", () => {
  it("encodes a run request as R <id> <base64 of the UTF-8 script>", () => {
    const script = "echo 'hi there' \"$HOME\"\ncat <<EOF\nnaïve ✓\nEOF\n";
    const line = encodeRequest({ kind: "run", id: "req-1", script });
    expect(line.endsWith("\n")).toBe(true);
    const [verb, id, payload, ...rest] = line.slice(0, -1).split(" ");
    expect([verb, id, rest]).toEqual(["R", "req-1", []]);
    // The payload is standard base64 (what the agent's decoder expects) of the UTF-8 bytes.
    expect(payload).toBe(Buffer.from(script, "utf8").toString("base64"));
    expect(line.slice(0, -1)).not.toContain("\n");
  });

  it("encodes an empty script with an empty payload", () => {
    expect(encodeRequest({ kind: "run", id: "e", script: "" })).toBe("R e \n");
  });

  it("encodes kill, ping and winsize requests", () => {
    expect(encodeRequest({ kind: "kill", id: "abc_DEF-123" })).toBe("K abc_DEF-123\n");
    expect(encodeRequest({ kind: "ping", id: "p1" })).toBe("P p1\n");
    expect(encodeRequest({ kind: "winsize", id: "w1", rows: 24, cols: 80 })).toBe("W w1 24 80\n");
  });

  it("encodes a resume with the clock and hex entropy, and refuses entropy that is not hex", () => {
    const entropy = "0123456789abcdef".repeat(4);
    expect(encodeRequest({ kind: "resume", id: "s1", unixMs: 1_700_000_000_123.5, entropyHex: entropy })).toBe(`S s1 1700000000123 ${entropy}\n`);
    expect(() => encodeRequest({ kind: "resume", id: "s", unixMs: 1, entropyHex: "not hex at all, not hex at all!!" })).toThrow(/hex/);
    expect(() => encodeRequest({ kind: "resume", id: "s", unixMs: 1, entropyHex: "abcd" })).toThrow(/hex/);
  });

  it("encodes readings by name, and refuses arguments that are not tty numbers or a cgroup directory", () => {
    expect(encodeRequest({ kind: "read", id: "q1", reading: { name: "places", ttys: [1088, 1090] } })).toBe("Q q1 places 1088 1090\n");
    expect(encodeRequest({ kind: "read", id: "q2", reading: { name: "cgroup-load", cgroup: "/sys/fs/cgroup/learner" } })).toBe(
      "Q q2 cgroup-load /sys/fs/cgroup/learner\n",
    );
    expect(() => encodeRequest({ kind: "read", id: "q", reading: { name: "places", ttys: [1088.5] } })).toThrow(/tty numbers/);
    expect(() => encodeRequest({ kind: "read", id: "q", reading: { name: "places", ttys: Array<number>(17).fill(1088) } })).toThrow(/tty numbers/);
    for (const cgroup of ["/etc/passwd", "/sys/fs/cgroup/../../etc", "/sys/fs/cgroup/a b", "/sys/fs/cgroup/x\nR 1 eA=="])
      expect(() => encodeRequest({ kind: "read", id: "q", reading: { name: "cgroup-load", cgroup } })).toThrow(/not a cgroup/);
  });

  it("sends whole numbers for the window size", () => {
    expect(encodeRequest({ kind: "winsize", id: "w", rows: 24.9, cols: 80.2 })).toBe("W w 24 80\n");
  });

  it.each(["", "has space", "new\nline", "semi;colon", "x".repeat(65), "ünïcode"])(
    "refuses the request id %j (it would break the line format)",
    (id) => {
      expect(() => encodeRequest({ kind: "ping", id })).toThrow(/invalid agent request id/);
    },
  );

  it("accepts a 64-character id", () => {
    const id = "a".repeat(64);
    expect(encodeRequest({ kind: "kill", id })).toBe(`K ${id}\n`);
  });
});

describe("decodeFrame", () => {
  it("decodes READY", () => {
    expect(decodeFrame("LAB1 READY 3f1c-42")).toEqual({ kind: "ready", bootId: "3f1c-42" });
  });

  it("decodes OUT frames for stdout and stderr", () => {
    const data = Uint8Array.from([0, 1, 2, 254, 255, 10, 13]);
    expect(decodeFrame(`LAB1 OUT r1 1 ${nodeBase64(data)}`)).toEqual({ kind: "output", id: "r1", fd: 1, data });
    expect(decodeFrame(`LAB1 OUT r2 2 ${nodeBase64(ascii("oops\n"))}`)).toEqual({
      kind: "output",
      id: "r2",
      fd: 2,
      data: ascii("oops\n"),
    });
  });

  it("decodes EXIT with status and signal", () => {
    expect(decodeFrame("LAB1 EXIT r1 0 0")).toEqual({ kind: "exit", id: "r1", status: 0, signal: 0 });
    expect(decodeFrame("LAB1 EXIT r1 137 9")).toEqual({ kind: "exit", id: "r1", status: 137, signal: 9 });
  });

  it("tolerates a trailing carriage return or spaces", () => {
    expect(decodeFrame("LAB1 EXIT r1 3 0\r")).toEqual({ kind: "exit", id: "r1", status: 3, signal: 0 });
    expect(decodeFrame("LAB1 READY b  ")).toEqual({ kind: "ready", bootId: "b" });
  });

  it("finds a frame after junk at the start of the line (e.g. a restore cut the previous line)", () => {
    expect(decodeFrame("\u001b[0m#$%garbageLAB1 EXIT abc 1 0")).toEqual({ kind: "exit", id: "abc", status: 1, signal: 0 });
    expect(decodeFrame(`xx${FRAME_PREFIX}READY boot`)).toEqual({ kind: "ready", bootId: "boot" });
  });

  it.each([
    "",
    "hello world",
    "[    1.234] kernel message",
    "LAB1",
    "LAB1 ",
    "LAB2 EXIT r1 0 0",
    "lab1 EXIT r1 0 0",
    "LAB1 READY",
    "LAB1 HELLO r1 0 0",
    "LAB1 OUT r1",
    "LAB1 OUT r1 1",
    "LAB1 OUT r1 3 AAAA",
    "LAB1 OUT r1 0 AAAA",
    "LAB1 OUT r1 1 not*base64",
    "LAB1 OUT bad!id 1 AAAA",
    "LAB1 EXIT r1",
    "LAB1 EXIT r1 0",
    "LAB1 EXIT r1 x 0",
    "LAB1 EXIT r1 1.5 0",
    "LAB1 EXIT r1 0 nine",
    `LAB1 EXIT ${"x".repeat(65)} 0 0`,
  ])("ignores the malformed line %j", (line) => {
    expect(decodeFrame(line)).toBeUndefined();
  });
});

describe("base64", () => {
  it.each(Array.from({ length: 11 }, (_, n) => n))("round-trips %i random bytes", (length) => {
    for (let trial = 0; trial < 20; trial++) {
      const bytes = new Uint8Array(randomBytes(length));
      const text = bytesToBase64(bytes);
      expect(text).toBe(nodeBase64(bytes));
      expect(base64ToBytes(text)).toEqual(bytes);
    }
  });

  it("round-trips 100 KB of random bytes", () => {
    const bytes = new Uint8Array(randomBytes(100 * 1024));
    const text = bytesToBase64(bytes);
    expect(text).toBe(nodeBase64(bytes));
    const back = base64ToBytes(text);
    expect(back?.length).toBe(bytes.length);
    expect(Buffer.from(back!).equals(Buffer.from(bytes))).toBe(true);
  });

  it("encodes every byte value", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(bytesToBase64(all)).toBe(nodeBase64(all));
    expect(base64ToBytes(nodeBase64(all))).toEqual(all);
  });

  it("decodes padded and unpadded input", () => {
    expect(base64ToBytes("aGk=")).toEqual(ascii("hi"));
    expect(base64ToBytes("aGk")).toEqual(ascii("hi"));
    expect(base64ToBytes("")).toEqual(new Uint8Array(0));
  });

  it.each(["a b", "ab!d", "AAA===", "é", "AA\n"])("refuses the non-base64 text %j", (text) => {
    expect(base64ToBytes(text)).toBeUndefined();
  });
});

describe("LineSplitter", () => {
  it("returns complete lines and keeps the unfinished tail", () => {
    const splitter = new LineSplitter();
    expect(splitter.push(ascii("one\ntwo\nthr"))).toEqual(["one", "two"]);
    expect(splitter.push(ascii("ee"))).toEqual([]);
    expect(splitter.push(ascii("\n"))).toEqual(["three"]);
  });

  it("joins a frame split across many chunks, one byte at a time", () => {
    const splitter = new LineSplitter();
    const lines: string[] = [];
    for (const byte of ascii("LAB1 READY boot-1\nLAB1 EXIT r1 0 0\n")) lines.push(...splitter.push([byte]));
    expect(lines).toEqual(["LAB1 READY boot-1", "LAB1 EXIT r1 0 0"]);
    expect(lines.map((line) => decodeFrame(line)?.kind)).toEqual(["ready", "exit"]);
  });

  it("reads the same lines byte by byte with pushByte, dropping carriage returns", () => {
    const splitter = new LineSplitter();
    const lines: string[] = [];
    for (const byte of ascii("LAB1 READY boot-1\r\n\nLAB1 EXIT r1 0 0\nrest")) {
      const line = splitter.pushByte(byte);
      if (line !== undefined) lines.push(line);
    }
    expect(lines).toEqual(["LAB1 READY boot-1", "", "LAB1 EXIT r1 0 0"]);
    expect(splitter.push(ascii("\n"))).toEqual(["rest"]);
  });

  it("drops carriage returns, also when \\r and \\n arrive in different chunks", () => {
    const splitter = new LineSplitter();
    expect(splitter.push(ascii("abc\r"))).toEqual([]);
    expect(splitter.push(ascii("\ndef\r\n\r\n"))).toEqual(["abc", "def", ""]);
  });

  it("keeps empty lines", () => {
    expect(new LineSplitter().push(ascii("\n\nx\n"))).toEqual(["", "", "x"]);
  });

  it("accepts plain number arrays", () => {
    expect(new LineSplitter().push([104, 105, 10])).toEqual(["hi"]);
  });

  it("forgets the unfinished tail on reset", () => {
    const splitter = new LineSplitter();
    splitter.push(ascii("half a li"));
    splitter.reset();
    expect(splitter.push(ascii("LAB1 EXIT r1 0 0\n"))).toEqual(["LAB1 EXIT r1 0 0"]);
  });
});
