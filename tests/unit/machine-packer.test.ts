// Packing a saved machine across a message channel, as the page does with its packing worker: Node's
// MessageChannel has the same transfer semantics (a transferred buffer is detached on the sender's side).
import { MessageChannel, type MessagePort } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { decodeMachine, encodeMachine, MachineFileError } from "../../src/saved/machine-envelope.ts";
import { MachinePacker, PackingError, serveMachinePacking, type PackPort } from "../../src/saved/machine-packer.ts";

const ORIGIN = { v86Version: "0.5.462", machine: "m-1", inputsKey: "k-1" };
const SAVED_AT = new Date("2026-03-01T10:20:30Z");
/** A v86 state as far as the envelope checks it: its magic number, then some content. */
function v86State(size = 64 * 1024): ArrayBuffer {
  const bytes = new Uint8Array(size);
  new DataView(bytes.buffer).setUint32(0, 0x86768676, true);
  for (let i = 4; i < size; i++) bytes[i] = (i * 31) % 251;
  return bytes.buffer;
}

/** A Node MessagePort as the browser's: `onmessage` gets an event with `data`. */
function browserLike(port: MessagePort): PackPort {
  return {
    postMessage: (message, transfer) => port.postMessage(message, transfer as never),
    set onmessage(listener: ((event: MessageEvent) => void) | null) {
      port.removeAllListeners("message");
      if (listener) port.on("message", (data: unknown) => listener({ data } as MessageEvent));
    },
    get onmessage() {
      return null;
    },
  };
}

let channel: MessageChannel | undefined;

function connected(): MachinePacker {
  channel = new MessageChannel();
  serveMachinePacking(browserLike(channel.port2));
  return new MachinePacker(browserLike(channel.port1));
}

afterEach(() => {
  channel?.port1.close();
  channel?.port2.close();
  channel = undefined;
});

describe("MachinePacker over a channel", () => {
  it("packs a state into the same machine file as packing in place, and hands the state over instead of copying it", async () => {
    const packer = connected();
    const state = v86State();
    const expected = await encodeMachine({ state: state.slice(0), origin: ORIGIN, savedAt: SAVED_AT, console: "$ ls\r\n" });

    const packed = await packer.pack({ state, origin: ORIGIN, savedAt: SAVED_AT, console: "$ ls\r\n" });

    expect(state.byteLength).toBe(0); // transferred: the page no longer holds a second copy
    expect(packed).toEqual(expected);
    const saved = await decodeMachine(packed);
    expect(new Uint8Array(saved.state)).toEqual(new Uint8Array(v86State()));
  });

  it("unpacks a machine file into its state and leaves the caller's bytes alone", async () => {
    const packer = connected();
    const bytes = await encodeMachine({ state: v86State(), origin: ORIGIN, savedAt: SAVED_AT, console: "" });
    const length = bytes.length;

    const saved = await packer.unpack(bytes);

    expect(bytes.length).toBe(length);
    expect(saved.header.savedAt).toBe(SAVED_AT.toISOString());
    expect(new Uint8Array(saved.state)).toEqual(new Uint8Array(v86State()));
  });

  it("answers concurrent requests each with its own result", async () => {
    const packer = connected();
    const [a, b] = await Promise.all([
      packer.pack({ state: v86State(1024), origin: ORIGIN, savedAt: SAVED_AT, console: "a" }),
      packer.pack({ state: v86State(2048), origin: ORIGIN, savedAt: SAVED_AT, console: "b" }),
    ]);
    expect((await decodeMachine(a)).header.console).toBe("a");
    expect((await decodeMachine(b)).state.byteLength).toBe(2048);
  });

  it("brings a damaged file's error back as the MachineFileError the page explains", async () => {
    const packer = connected();
    const bytes = await encodeMachine({ state: v86State(), origin: ORIGIN, savedAt: SAVED_AT, console: "" });
    bytes[bytes.length - 10]! ^= 0xff;
    const error = await packer.unpack(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MachineFileError);
    expect((error as MachineFileError).kind).toBe("corrupt");

    const notOurs = await packer.unpack(new TextEncoder().encode("{}")).catch((e: unknown) => e);
    expect((notOurs as MachineFileError).kind).toBe("not-a-machine");
  });

  it("refuses a state larger than the running image can save, as in place", async () => {
    const packer = connected();
    const bytes = await encodeMachine({ state: v86State(200_000), origin: ORIGIN, savedAt: SAVED_AT, console: "" });
    const error = await packer.unpack(bytes, 100_000).catch((e: unknown) => e);
    expect((error as MachineFileError).kind).toBe("corrupt");
  });

  it("fails what is still waiting when the worker is gone", async () => {
    // No one serves this end: the request is never answered until failAll().
    channel = new MessageChannel();
    const packer = new MachinePacker(browserLike(channel.port1));
    const waiting = packer.pack({ state: v86State(1024), origin: ORIGIN, savedAt: SAVED_AT, console: "" });
    packer.failAll("the packing worker failed");
    await expect(waiting).rejects.toBeInstanceOf(PackingError);
  });
});
