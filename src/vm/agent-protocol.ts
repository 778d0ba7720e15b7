// The wire format spoken with lab-agent on the guest's ttyS1 (see images/agent/lab-agent.c).
// Pure functions only: this module is shared by the browser, Node tests and the snapshot builder.

export const FRAME_PREFIX = "LAB1 ";

/** A request the host sends; every request carries a nonce that its answers repeat. */
export type AgentRequest =
  | { readonly kind: "run"; readonly id: string; readonly script: string }
  | { readonly kind: "kill"; readonly id: string }
  | { readonly kind: "ping"; readonly id: string }
  | { readonly kind: "winsize"; readonly id: string; readonly rows: number; readonly cols: number }
  /** A restored snapshot resumes: the clock, fresh entropy (hex) for the random pool; answers the boot id. */
  | { readonly kind: "resume"; readonly id: string; readonly unixMs: number; readonly entropyHex: string }
  | { readonly kind: "read"; readonly id: string; readonly reading: AgentReading };

/**
 * A reading the agent takes itself from /proc and cgroupfs and answers as a script's stdout would be (see
 * lab-agent.c's "readings"): the page takes these every few seconds, and as scripts they cost the
 * emulated CPU a bash start and a dozen programs each.
 */
export type AgentReading =
  /** Where each terminal's shell is (tty_nr of each line), and which containers run. */
  | { readonly name: "places"; readonly ttys: readonly number[] }
  /** A cgroup's process count, process limit, and pids and memory events. */
  | { readonly name: "cgroup-load"; readonly cgroup: string };

const CGROUP_PATH = /^\/sys\/fs\/cgroup(\/[A-Za-z0-9_.-]+)+$/;

/** A frame the agent sends back. */
export type AgentFrame =
  | { readonly kind: "ready"; readonly bootId: string }
  | { readonly kind: "output"; readonly id: string; readonly fd: 1 | 2; readonly data: Uint8Array }
  | { readonly kind: "exit"; readonly id: string; readonly status: number; readonly signal: number };

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function encodeRequest(request: AgentRequest): string {
  if (!ID_PATTERN.test(request.id)) throw new Error(`invalid agent request id: ${JSON.stringify(request.id)}`);
  switch (request.kind) {
    case "run":
      return `R ${request.id} ${bytesToBase64(new TextEncoder().encode(request.script))}\n`;
    case "kill":
      return `K ${request.id}\n`;
    case "ping":
      return `P ${request.id}\n`;
    case "winsize":
      return `W ${request.id} ${Math.trunc(request.rows)} ${Math.trunc(request.cols)}\n`;
    case "resume":
      if (!/^[0-9a-f]{32,128}$/.test(request.entropyHex)) throw new Error("the resume request's entropy must be 32 to 128 hex digits");
      return `S ${request.id} ${Math.trunc(request.unixMs)} ${request.entropyHex}\n`;
    case "read":
      return `Q ${request.id} ${readingWords(request.reading)}\n`;
  }
}

function readingWords(reading: AgentReading): string {
  switch (reading.name) {
    case "places":
      if (reading.ttys.length > 16 || !reading.ttys.every((tty) => Number.isInteger(tty) && tty > 0))
        throw new Error(`the places reading takes up to 16 tty numbers, not ${JSON.stringify(reading.ttys)}`);
      return ["places", ...reading.ttys].join(" ");
    case "cgroup-load":
      if (!CGROUP_PATH.test(reading.cgroup) || reading.cgroup.includes(".."))
        throw new Error(`not a cgroup directory: ${JSON.stringify(reading.cgroup)}`);
      return `cgroup-load ${reading.cgroup}`;
  }
}

/** Parses one line from ttyS1; returns undefined for anything that is not a well-formed frame. */
export function decodeFrame(line: string): AgentFrame | undefined {
  const start = line.indexOf(FRAME_PREFIX);
  if (start < 0) return undefined;
  const parts = line.slice(start + FRAME_PREFIX.length).trimEnd().split(" ");
  const [verb, a, b, c] = parts;
  if (verb === "READY" && a) return { kind: "ready", bootId: a };
  if (!a || !ID_PATTERN.test(a)) return undefined;
  if (verb === "OUT" && (b === "1" || b === "2") && c !== undefined) {
    const data = base64ToBytes(c);
    return data ? { kind: "output", id: a, fd: b === "1" ? 1 : 2, data } : undefined;
  }
  if (verb === "EXIT" && b !== undefined && c !== undefined) {
    const status = Number(b);
    const signal = Number(c);
    if (Number.isInteger(status) && Number.isInteger(signal)) return { kind: "exit", id: a, status, signal };
  }
  return undefined;
}

/** Splits a byte stream into text lines, keeping the unfinished tail between calls. */
export class LineSplitter {
  private pending = "";

  /** Feeds bytes; returns the complete lines they finish (without the newline). */
  push(bytes: Uint8Array | readonly number[]): string[] {
    const lines: string[] = [];
    let current = this.pending;
    for (const byte of bytes) {
      if (byte === 10) {
        lines.push(current);
        current = "";
      } else if (byte !== 13) {
        current += String.fromCharCode(byte);
      }
    }
    this.pending = current;
    return lines;
  }

  /** Feeds one byte (the UART delivers them one at a time): the line it completes, if any. */
  pushByte(byte: number): string | undefined {
    if (byte === 10) {
      const line = this.pending;
      this.pending = "";
      return line;
    }
    if (byte !== 13) this.pending += String.fromCharCode(byte);
    return undefined;
  }

  reset(): void {
    this.pending = "";
  }
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64_VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_VALUE[B64.charCodeAt(i)] = i;

export function bytesToBase64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1] ?? 0;
    const b2 = bytes[i + 2] ?? 0;
    const v = (b0 << 16) | (b1 << 8) | b2;
    out += B64[(v >> 18) & 63]! + B64[(v >> 12) & 63]!;
    out += i + 1 < bytes.length ? B64[(v >> 6) & 63]! : "=";
    out += i + 2 < bytes.length ? B64[v & 63]! : "=";
  }
  return out;
}

/** Decodes standard base64; returns undefined when the text is not base64. */
export function base64ToBytes(text: string): Uint8Array | undefined {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end--;
  if (text.length - end > 2) return undefined;
  const out = new Uint8Array(Math.floor((end * 6) / 8));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? B64_VALUE[code]! : -1;
    if (value < 0) return undefined;
    acc = ((acc << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}
