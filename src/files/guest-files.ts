// Files between the learner's computer and the guest. The bytes travel through the machine's 9p file
// system (an empty in-memory share, see machine-options.ts), megabytes a second where the agent's serial
// line manages ~30 kB/s; the agent mounts the share only for the moment of a copy, so the learner never
// sees it in `mount`. An upload is copied to a temporary file next to the destination and renamed into
// place, so one that fails leaves no half-written file; the share is emptied after every transfer (a
// saved machine would otherwise carry the file along). Sizes are checked first against a fixed limit
// and the free space of the destination's file system.
import { outputText, type GuestAgent } from "../vm/agent-client.ts";
import { randomHex } from "../shared/bytes.ts";
import { shellQuote } from "../shared/shell-quote.ts";
import { SHARE_TAG } from "../vm/file-share.ts";

/** What a transfer needs of the machine: its agent and the file-exchange share (VirtualMachine has both). */
export interface FileChannel {
  readonly agent: GuestAgent;
  putSharedFile(name: string, data: Uint8Array): Promise<void>;
  takeSharedFile(name: string): Promise<Uint8Array>;
}

/**
 * Mounts the share (v86's 9p mount tag) for one copy. v86 takes the client's message size, so large
 * messages and large reads (dd below, not cp's 4 KiB) move a file in few virtio round trips.
 */
const SHARE_MOUNT = `mount -t 9p -o trans=virtio,version=9p2000.L,msize=262144 ${SHARE_TAG}`;
const COPY = `dd bs=256k status=none`;

/** The largest file moved either way: the guest has 128 MiB of RAM and its files live in it. */
export const MAX_TRANSFER_BYTES = 32_000_000;
/** Free space an upload must leave in the guest, so the learner's shell keeps working. */
export const GUEST_RESERVE_BYTES = 8 * 1024 * 1024;
/** How often an upload's progress is read (the size of the file being written in the guest). */
const PROGRESS_POLL_MS = 1000;

export type TransferProblem =
  | { readonly kind: "too-large"; readonly size: number; readonly limit: number }
  | { readonly kind: "no-space"; readonly size: number; readonly free: number }
  | { readonly kind: "bad-path"; readonly path: string }
  | { readonly kind: "not-found"; readonly path: string }
  | { readonly kind: "not-a-file"; readonly path: string }
  | { readonly kind: "no-directory"; readonly path: string }
  | { readonly kind: "guest-error"; readonly detail: string };

export class TransferError extends Error {
  override readonly name = "TransferError";
  constructor(readonly problem: TransferProblem) {
    super(describeProblem(problem));
  }
}

export interface TransferOptions {
  /** Bytes moved so far, of the total. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

/** A guest path the transfer accepts: absolute, one line, no NUL (anything else could not be quoted). */
export function checkGuestPath(path: string): string {
  const trimmed = path.trim();
  if (!trimmed.startsWith("/") || /[\n\r\0]/.test(trimmed) || trimmed.endsWith("/") || trimmed.length > 4096) {
    throw new TransferError({ kind: "bad-path", path });
  }
  return trimmed;
}

/** Where an uploaded file goes by default: /root/<its name>, with characters a shell finds awkward replaced. */
export function defaultDestination(fileName: string, directory = "/root"): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const safe = base.replace(/[^\p{L}\p{N}._+-]/gu, "_").replace(/^\.+/, "").slice(0, 200) || "upload";
  return `${directory.replace(/\/+$/, "")}/${safe}`;
}

/** Copies `data` into the guest at `path` (replacing a file there); the directory must exist. */
export async function uploadToGuest(channel: FileChannel, data: Uint8Array, path: string, options: TransferOptions = {}): Promise<void> {
  const dest = checkGuestPath(path);
  if (data.length > MAX_TRANSFER_BYTES) throw new TransferError({ kind: "too-large", size: data.length, limit: MAX_TRANSFER_BYTES });
  const dir = dest.slice(0, dest.lastIndexOf("/")) || "/";
  const nonce = randomHex(6);
  const tmp = `${dir === "/" ? "" : dir}/.lab-upload-${nonce}`;
  const shared = `lab-up-${nonce}`;
  const q = { dir: shellQuote(dir), dest: shellQuote(dest), tmp: shellQuote(tmp) };

  const probe = await run(channel.agent, `[ -d ${q.dir} ] || { echo nodir; exit 0; }; [ -d ${q.dest} ] && { echo isdir; exit 0; }; stat -f -c '%a %S' ${q.dir}`, options);
  if (probe === "nodir") throw new TransferError({ kind: "no-directory", path: dir });
  if (probe === "isdir") throw new TransferError({ kind: "not-a-file", path: dest });
  // Free blocks times block size of the destination's file system (busybox df cannot name the initramfs
  // root, stat -f can).
  const [blocks, blockSize] = probe.split(" ").map(Number);
  const free = (blocks ?? NaN) * (blockSize ?? NaN);
  if (Number.isFinite(free) && data.length + GUEST_RESERVE_BYTES > free) {
    throw new TransferError({ kind: "no-space", size: data.length, free: Math.max(0, free - GUEST_RESERVE_BYTES) });
  }

  options.onProgress?.(0, data.length);
  await channel.putSharedFile(shared, data);
  // Each poll starts a shell in the guest, which slows the copy a little: only poll for someone watching.
  const onProgress = options.onProgress;
  const stopPolling = onProgress
    ? pollSize(channel.agent, tmp, (bytes) => onProgress(Math.min(bytes, data.length), data.length), options.signal)
    : () => undefined;
  try {
    const size = await run(channel.agent, withShare(`${COPY} if="$share"/${shared} of=${q.tmp} && stat -c %s ${q.tmp}`, shared), options);
    if (Number(size) !== data.length) throw new TransferError({ kind: "guest-error", detail: `the guest received ${size} of ${data.length} bytes` });
    await run(channel.agent, `mv -f ${q.tmp} ${q.dest}`, options);
  } catch (error) {
    // Best effort: the machine may be gone, or the request was cancelled.
    await channel.agent.run(withShare(`rm -f ${q.tmp}`, shared), { timeoutMs: 10_000 }).catch(() => undefined);
    throw error;
  } finally {
    stopPolling();
  }
  options.onProgress?.(data.length, data.length);
}

/** Reads a regular file from the guest. */
export async function downloadFromGuest(channel: FileChannel, path: string, options: TransferOptions = {}): Promise<Uint8Array> {
  const source = checkGuestPath(path);
  const q = shellQuote(source);
  const probe = await run(channel.agent, `if [ ! -e ${q} ]; then echo missing; elif [ ! -f ${q} ]; then echo notfile; else stat -L -c %s ${q}; fi`, options);
  if (probe === "missing") throw new TransferError({ kind: "not-found", path: source });
  if (probe === "notfile") throw new TransferError({ kind: "not-a-file", path: source });
  const size = Number(probe);
  if (!Number.isInteger(size)) throw new TransferError({ kind: "guest-error", detail: `unexpected answer: ${probe}` });
  if (size > MAX_TRANSFER_BYTES) throw new TransferError({ kind: "too-large", size, limit: MAX_TRANSFER_BYTES });

  const shared = `lab-down-${randomHex(6)}`;
  options.onProgress?.(0, size);
  try {
    // The copy stays in the share until the host has read it; the cleanup below removes it.
    await run(channel.agent, withShare(`${COPY} if=${q} of="$share"/${shared}`, shared, false), options);
    const data = await channel.takeSharedFile(shared);
    options.onProgress?.(data.length, data.length);
    return data;
  } finally {
    await channel.agent.run(withShare(":", shared), { timeoutMs: 10_000 }).catch(() => undefined);
  }
}

/**
 * Wraps a script so it runs with the share mounted at "$share", then removes the transfer's file from
 * the share (unless `removeAfter` is false) and unmounts it, keeping the script's exit status.
 */
function withShare(script: string, sharedName: string, removeAfter = true): string {
  return [
    `share=$(mktemp -d /run/lab-share.XXXXXX) || exit 1`,
    `${SHARE_MOUNT} "$share" || { rmdir "$share"; exit 1; }`,
    `( ${script} ); status=$?`,
    removeAfter ? `rm -f "$share"/${sharedName}` : `:`,
    `umount "$share"; rmdir "$share"`,
    `exit $status`,
  ].join("\n");
}

/** Reports the size of a file being written in the guest until stopped. */
function pollSize(agent: GuestAgent, path: string, report: (bytes: number) => void, signal?: AbortSignal): () => void {
  let stopped = false;
  const tick = async (): Promise<void> => {
    while (!stopped && !signal?.aborted) {
      await new Promise((resolve) => setTimeout(resolve, PROGRESS_POLL_MS));
      if (stopped) return;
      const result = await agent.run(`stat -c %s ${shellQuote(path)} 2>/dev/null || echo 0`, { timeoutMs: 5000 }).catch(() => undefined);
      const bytes = result ? Number(outputText(result.stdout).trim()) : NaN;
      if (!stopped && Number.isFinite(bytes)) report(bytes);
    }
  };
  void tick();
  return () => {
    stopped = true;
  };
}

export function describeProblem(problem: TransferProblem): string {
  switch (problem.kind) {
    case "too-large":
      return `the file is ${problem.size} bytes; the limit is ${problem.limit}`;
    case "no-space":
      return `the file is ${problem.size} bytes; the guest has room for ${problem.free}`;
    case "bad-path":
      return `not an absolute guest path: ${JSON.stringify(problem.path)}`;
    case "not-found":
      return `${problem.path} does not exist in the guest`;
    case "not-a-file":
      return `${problem.path} is not a regular file`;
    case "no-directory":
      return `the guest has no directory ${problem.path}`;
    case "guest-error":
      return problem.detail;
  }
}

function runOptions(options: TransferOptions): { timeoutMs: number; signal?: AbortSignal } {
  return { timeoutMs: 60_000, ...(options.signal ? { signal: options.signal } : {}) };
}

/** Runs a script that must succeed; returns its trimmed stdout. */
async function run(agent: GuestAgent, script: string, options: TransferOptions): Promise<string> {
  const result = await agent.run(script, runOptions(options));
  if (result.exitCode !== 0) {
    throw new TransferError({ kind: "guest-error", detail: outputText(result.stderr).trim() || `exit code ${result.exitCode}` });
  }
  return outputText(result.stdout).trim();
}
