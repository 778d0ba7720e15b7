import { describe, expect, it } from "vitest";
import {
  consoleTail,
  decodeMachine,
  encodeMachine,
  looksLikeMachine,
  MachineFileError,
  readMachineHeader,
} from "../../src/saved/machine-envelope.ts";

const ORIGIN = { v86Version: "0.5.462+g5f9a90f", machine: '{"memory_size":134217728}', inputsKey: "abc123" };

/** A stand-in v86 state: v86's magic number, then compressible and random bytes. */
function fakeState(size = 200_000): ArrayBuffer {
  const bytes = new Uint8Array(size);
  new DataView(bytes.buffer).setUint32(0, 0x86768676, true);
  crypto.getRandomValues(bytes.subarray(1000, 1000 + 4096));
  return bytes.buffer;
}

async function encoded(state = fakeState()): Promise<Uint8Array> {
  return encodeMachine({ state, origin: ORIGIN, savedAt: new Date("2026-03-01T10:20:30Z"), console: "root@lab:~# ", progress: { version: 1 } });
}

async function expectProblem(bytes: Uint8Array, problem: string, detail: RegExp): Promise<void> {
  const error = await decodeMachine(bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MachineFileError);
  expect((error as MachineFileError).kind).toBe(problem);
  expect((error as MachineFileError).message).toMatch(detail);
}

describe("machine envelope", () => {
  it("round-trips the state and its header", async () => {
    const state = fakeState();
    const bytes = await encoded(state);
    expect(looksLikeMachine(bytes)).toBe(true);
    expect(bytes.length).toBeLessThan(state.byteLength / 2);
    const saved = await decodeMachine(bytes);
    expect(new Uint8Array(saved.state)).toEqual(new Uint8Array(state));
    expect(saved.header).toMatchObject({
      format: 1,
      savedAt: "2026-03-01T10:20:30.000Z",
      origin: ORIGIN,
      console: "root@lab:~# ",
      progress: { version: 1 },
      state: { rawSize: 200_000 },
    });
    expect(readMachineHeader(bytes)).toEqual(saved.header);
    expect(saved.header.learnerRunaway).toBeUndefined();
  });

  it("records a save taken while runaway processes filled the learner's cgroup", async () => {
    const bytes = await encodeMachine({ state: fakeState(), origin: ORIGIN, savedAt: new Date(), console: "", learnerRunaway: true });
    expect(readMachineHeader(bytes).learnerRunaway).toBe(true);
  });

  it("refuses a file that is not a saved machine", async () => {
    await expectProblem(new TextEncoder().encode('{"kind":"progress"}'), "not-a-machine", /not an Isolation Lab machine/);
    await expectProblem(new Uint8Array(), "not-a-machine", /not an Isolation Lab machine/);
  });

  it("refuses a truncated file", async () => {
    const bytes = await encoded();
    await expectProblem(bytes.subarray(0, bytes.length - 10), "corrupt", /truncated/);
    await expectProblem(bytes.subarray(0, 16), "corrupt", /ends inside its header/);
  });

  it("refuses a file whose state was altered", async () => {
    const bytes = (await encoded()).slice();
    bytes[bytes.length - 40]! ^= 0xff;
    await expectProblem(bytes, "corrupt", /decompress|sha256|bytes uncompressed/);
  });

  it("refuses a damaged header", async () => {
    const bytes = (await encoded()).slice();
    bytes[20] = 0x7b; // "{" inside the JSON breaks it
    await expectProblem(bytes, "corrupt", /header/);
  });

  it("refuses a header that claims more than the running image's state can be, before decompressing", async () => {
    const bytes = await encoded(fakeState(200_000));
    const error = await decodeMachine(bytes, 100_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MachineFileError);
    expect((error as MachineFileError).message).toMatch(/claims a state of 200000 bytes; this lab's machine saves at most 100000/);
    await expect(decodeMachine(bytes, 200_000)).resolves.toBeDefined();
  });

  it("stops decompressing at the header's size, however far the data would inflate", async () => {
    // A real envelope whose header is rewritten to claim 1000 bytes for a state that inflates to 4 MB.
    const bytes = await encoded(fakeState(4_000_000));
    const header = readMachineHeader(bytes);
    const headerLength = new TextEncoder().encode(JSON.stringify(header)).length;
    const prefix = bytes.length - header.state.compressedSize - headerLength;
    const forged = new TextEncoder().encode(JSON.stringify({ ...header, state: { ...header.state, rawSize: 1000 } }));
    const length = new Uint8Array(4);
    new DataView(length.buffer).setUint32(0, forged.length, true);
    const bomb = new Uint8Array([...bytes.subarray(0, prefix - 4), ...length, ...forged, ...bytes.subarray(bytes.length - header.state.compressedSize)]);
    await expectProblem(bomb, "corrupt", /does not decompress: more than the 1000 bytes/);
  });

  it("refuses a state that is not a v86 state", async () => {
    await expectProblem(await encoded(new Uint8Array(5000).buffer), "corrupt", /not a v86 state/);
  });

  it("keeps the end of a long console at a line start", () => {
    const text = Array.from({ length: 5000 }, (_, i) => `line ${i}`).join("\n");
    const tail = consoleTail(text, 1000);
    expect(tail.length).toBeLessThanOrEqual(1000);
    expect(tail.startsWith("line ")).toBe(true);
    expect(tail.endsWith("line 4999")).toBe(true);
    expect(consoleTail("short")).toBe("short");
  });
});
