// The learner's saved machine as bytes: one format for the browser's IndexedDB and for the file a
// learner exports. A short JSON header says what the state was saved from (v86 build, hardware, guest
// image), when, what the console showed and, in exported files, the course progress; the v86 state
// follows gzip-compressed with its sha256, so a damaged or truncated copy is refused before v86 ever
// sees it (v86 does not validate a state: a bad one crashes the guest or the page).
//
//   "ISOLAB-VM\n" | u32 LE header length | header (UTF-8 JSON) | gzip(v86 state)
import { bytesToHex, concatBytes } from "../shared/bytes.ts";
import type { StateOrigin } from "../vm/manifest.ts";
import { errorText } from "../shared/error-text.ts";
import { LabError } from "../shared/lab-error.ts";
import { decode, integer, isoDateTime, literal, object, optional, string, unknown, type Infer } from "../shared/decode.ts";

const MAGIC = new TextEncoder().encode("ISOLAB-VM\n");
/** v86's own state header starts with this 32-bit magic number (little endian). */
const V86_STATE_MAGIC = 0x86768676;
/** A 128 MiB guest serializes to ~35 MB; anything claiming far more is not ours. */
const MAX_STATE_BYTES = 512 * 1024 * 1024;
export const MAX_HEADER_BYTES = 4 * 1024 * 1024;
/** The console tail kept with a saved machine (enough for a full screen and some scrollback). */
export const CONSOLE_TAIL_BYTES = 64 * 1024;

const header = object({
  format: literal(1),
  savedAt: isoDateTime(),
  origin: object({ v86Version: string({ min: 1 }), machine: string({ min: 1 }), inputsKey: string({ min: 1 }) }),
  state: object({
    rawSize: integer({ min: 1, max: MAX_STATE_BYTES }),
    compressedSize: integer({ min: 1 }),
    sha256: string({ pattern: /^[0-9a-f]{64}$/, expected: "a lowercase hex sha256" }),
  }),
  console: string(),
  /** The course progress (progress.ts's stored form) when the file was exported; absent in the browser's own copy. */
  progress: optional(unknown()),
  /** Present when runaway processes (a fork bomb) filled the learner's cgroup as the machine was saved. */
  learnerRunaway: optional(literal(true)),
});

export type MachineHeader = Infer<typeof header>;

export interface SavedMachine {
  readonly header: MachineHeader;
  /** The v86 state, verified against the header's size and sha256. */
  readonly state: ArrayBuffer;
}

export type MachineFileProblem =
  /** Not a saved machine at all (another kind of file). */
  | "not-a-machine"
  /** A saved machine, but damaged: truncated, altered, or not decompressible. */
  | "corrupt";

export class MachineFileError extends LabError<MachineFileProblem> {
  override readonly name = "MachineFileError";
}

export interface EncodeMachineInput {
  readonly state: ArrayBuffer;
  readonly origin: Required<StateOrigin>;
  readonly savedAt: Date;
  readonly console: string;
  readonly progress?: unknown;
  /** Runaway processes filled the learner's cgroup at the save (the resume offer warns of it). */
  readonly learnerRunaway?: boolean;
}

/** Packs a v86 state with its header. */
export async function encodeMachine(input: EncodeMachineInput): Promise<Uint8Array> {
  const raw = new Uint8Array(input.state);
  const [compressed, digest] = await Promise.all([gzip(raw), sha256Hex(raw)]);
  const header: MachineHeader = {
    format: 1,
    savedAt: input.savedAt.toISOString(),
    origin: { v86Version: input.origin.v86Version, machine: input.origin.machine, inputsKey: input.origin.inputsKey },
    state: { rawSize: raw.length, compressedSize: compressed.length, sha256: digest },
    console: consoleTail(input.console),
    ...(input.progress === undefined ? {} : { progress: input.progress }),
    ...(input.learnerRunaway ? { learnerRunaway: true as const } : {}),
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, headerBytes.length, true);
  return concatBytes([MAGIC, length, headerBytes, compressed]);
}

/** True when the bytes start like a saved machine (to tell it from a progress file on import). */
export function looksLikeMachine(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && MAGIC.every((b, i) => bytes[i] === b);
}

/** Reads the header only (cheap: no decompression), e.g. to show when a machine was saved. */
export function readMachineHeader(bytes: Uint8Array): MachineHeader {
  return split(bytes).header;
}

/**
 * Reads and verifies a saved machine; throws MachineFileError saying what is wrong. `maxStateBytes` is
 * the largest state the running image can have (src/vm/state-size.ts): a header that claims more is
 * refused before anything is decompressed, and decompression stops there whatever the header says.
 */
export async function decodeMachine(bytes: Uint8Array, maxStateBytes: number = MAX_STATE_BYTES): Promise<SavedMachine> {
  const { header, payload } = split(bytes);
  if (header.state.rawSize > maxStateBytes) {
    throw new MachineFileError("corrupt", `the header claims a state of ${header.state.rawSize} bytes; this lab's machine saves at most ${maxStateBytes}`);
  }
  if (payload.length !== header.state.compressedSize) {
    throw new MachineFileError("corrupt", `the state is ${payload.length} bytes, the header says ${header.state.compressedSize} (truncated?)`);
  }
  let raw: Uint8Array;
  try {
    raw = await gunzip(payload, header.state.rawSize);
  } catch (error) {
    throw new MachineFileError("corrupt", `the state does not decompress: ${errorText(error)}`);
  }
  if (raw.length !== header.state.rawSize) {
    throw new MachineFileError("corrupt", `the state is ${raw.length} bytes uncompressed, the header says ${header.state.rawSize}`);
  }
  if ((await sha256Hex(raw)) !== header.state.sha256) throw new MachineFileError("corrupt", "the state's sha256 does not match its header");
  if (raw.length < 16 || new DataView(raw.buffer, raw.byteOffset).getUint32(0, true) !== V86_STATE_MAGIC) {
    throw new MachineFileError("corrupt", "the state is not a v86 state");
  }
  const state = raw.byteOffset === 0 && raw.byteLength === raw.buffer.byteLength ? raw.buffer : raw.slice().buffer;
  return { header, state: state as ArrayBuffer };
}

/** The end of the console text, cut at a line start so no escape sequence or character is split. */
export function consoleTail(text: string, limit = CONSOLE_TAIL_BYTES): string {
  if (text.length <= limit) return text;
  const tail = text.slice(-limit);
  const newline = tail.indexOf("\n");
  return newline >= 0 ? tail.slice(newline + 1) : tail;
}

function split(bytes: Uint8Array): { header: MachineHeader; payload: Uint8Array } {
  if (!looksLikeMachine(bytes)) throw new MachineFileError("not-a-machine", "the file is not an Isolation Lab machine");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < MAGIC.length + 4) throw new MachineFileError("corrupt", "the file ends inside its header");
  const length = view.getUint32(MAGIC.length, true);
  const start = MAGIC.length + 4;
  if (length > MAX_HEADER_BYTES || start + length > bytes.length) throw new MachineFileError("corrupt", "the file ends inside its header");
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(start, start + length)));
  } catch {
    throw new MachineFileError("corrupt", "the header is not valid JSON");
  }
  const parsed = decode(header, json);
  if (!parsed.ok) {
    const problems = parsed.issues.map((issue) => `${issue.path || "(root)"}: ${issue.message}`);
    throw new MachineFileError("corrupt", `the header is not valid (${problems.join("; ")})`);
  }
  return { header: parsed.value, payload: bytes.subarray(start + length) };
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return bytesToHex(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>)));
}

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Decompresses as a stream, refusing to produce more than `limit` bytes. Memory grows with what
 * actually comes out, never with what a (possibly forged) header claims.
 */
async function gunzip(bytes: Uint8Array, limit: number): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream("gzip"));
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (length + value.length > limit) {
      await reader.cancel();
      throw new Error(`more than the ${limit} bytes the header announces`);
    }
    chunks.push(value);
    length += value.length;
  }
  return chunks.length === 1 ? chunks[0]! : concatBytes(chunks);
}
