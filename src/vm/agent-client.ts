// Host side of the guest agent: runs scripts in the guest over ttyS1 with a queue, timeouts and
// AbortSignal support. It knows nothing about v86: it talks to a transport that sends text and
// delivers lines, so tests can drive it with a fake guest and the VM wires it to the serial port.
import {
  decodeFrame,
  encodeRequest,
  type AgentFrame,
  type AgentReading,
  type AgentRequest,
} from "./agent-protocol.ts";
import {
  AgentAbortedError,
  AgentDisposedError,
  AgentRestartedError,
  AgentTimeoutError,
} from "./agent-errors.ts";
import { concatBytes, randomHex } from "../shared/bytes.ts";
import { TypedEvents, type Unsubscribe } from "../shared/typed-events.ts";

export interface AgentTransport {
  send(text: string): void;
  onLine(listener: (line: string) => void): Unsubscribe;
}

export interface RunOptions {
  /** Kill the command and reject after this long (default 30 s). */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

export interface AgentResult {
  readonly exitCode: number;
  /** Non-zero when the command was killed by a signal. */
  readonly signal: number;
  readonly stdout: Uint8Array;
  readonly stderr: Uint8Array;
  /** True when output beyond the client's limit was dropped. */
  readonly truncated: boolean;
  readonly durationMs: number;
}

/** What checks and tools need from the guest: run a script, get its exit code and output. */
export interface GuestAgent {
  run(script: string, options?: RunOptions): Promise<AgentResult>;
}

/** The readings the page takes every few seconds, which the agent answers without starting a shell. */
export interface GuestReadings {
  /** The reading's text on stdout, as a script printing it would give (exit code 0), or its error on stderr. */
  read(reading: AgentReading, options?: RunOptions): Promise<AgentResult>;
}

export interface AgentClientEvents {
  /** The agent announced itself (at boot, or after it was restarted in the guest). */
  ready: { readonly bootId: string };
}

export interface AgentClientOptions {
  readonly defaultTimeoutMs?: number;
  /** Output kept per request; the rest is counted as truncated (default 16 MiB). */
  readonly maxOutputBytes?: number;
  /** Requests sent to the guest at once; the rest wait in order (default 4). */
  readonly concurrency?: number;
  /** Nonce source, injectable for tests. */
  readonly makeId?: () => string;
}

interface Pending {
  readonly id: string;
  readonly request: AgentRequest;
  readonly started: number;
  readonly stdout: Uint8Array[];
  readonly stderr: Uint8Array[];
  bytes: number;
  truncated: boolean;
  sent: boolean;
  readonly resolve: (result: AgentResult) => void;
  readonly reject: (error: Error) => void;
  cleanup: () => void;
}

const decoder = new TextDecoder();

export function outputText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

export class AgentClient implements GuestAgent, GuestReadings {
  readonly events = new TypedEvents<AgentClientEvents>();
  private readonly pending = new Map<string, Pending>();
  private readonly queue: Pending[] = [];
  private readonly unsubscribe: Unsubscribe;
  private disposed = false;
  private readonly defaultTimeoutMs: number;
  private readonly maxOutputBytes: number;
  private readonly concurrency: number;
  private readonly makeId: () => string;

  constructor(
    private readonly transport: AgentTransport,
    options: AgentClientOptions = {},
  ) {
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? 30_000;
    this.maxOutputBytes = options.maxOutputBytes ?? 16 * 1024 * 1024;
    this.concurrency = options.concurrency ?? 4;
    this.makeId = options.makeId ?? (() => randomHex(9));
    this.unsubscribe = transport.onLine((line) => this.onLine(line));
  }

  /** Runs a shell script (multi-line allowed) with bash in the guest (`bash -c`, see lab-agent.c). */
  run(script: string, options: RunOptions = {}): Promise<AgentResult> {
    const id = this.makeId();
    return this.submit({ kind: "run", id, script }, options);
  }

  /**
   * Takes a reading in the agent itself (no shell is started). It skips the queue of scripts, as the
   * control requests do: the agent answers it at once, so a long check never delays it.
   */
  read(reading: AgentReading, options: RunOptions = {}): Promise<AgentResult> {
    return this.submit({ kind: "read", id: this.makeId(), reading }, options, true);
  }

  /** Resolves when the agent answers; proves the guest and the agent are alive. */
  async ping(options: RunOptions = {}): Promise<number> {
    const result = await this.submit({ kind: "ping", id: this.makeId() }, options, true);
    return result.durationMs;
  }

  /** Tells the guest the learner's terminal size (the shell gets SIGWINCH). */
  async setWindowSize(rows: number, cols: number, options: RunOptions = {}): Promise<void> {
    await this.submit({ kind: "winsize", id: this.makeId(), rows, cols }, options, true);
  }

  /**
   * After a snapshot restore: sets the guest clock to `unixMs`, stirs `entropyHex` into the kernel's
   * random pool (machines resumed from one snapshot must not draw the same numbers) and resolves with
   * the guest's boot id. The agent does it itself, without starting a shell.
   */
  async resume(unixMs: number, entropyHex: string, options: RunOptions = {}): Promise<string> {
    const result = await this.submit({ kind: "resume", id: this.makeId(), unixMs, entropyHex }, options, true);
    return new TextDecoder().decode(result.stdout).trim();
  }

  /** Fails every pending request and stops listening; the client cannot be used afterwards. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.failAll(() => new AgentDisposedError());
    this.unsubscribe();
    this.events.clear();
  }

  private submit(request: AgentRequest, options: RunOptions, urgent = false): Promise<AgentResult> {
    if (this.disposed) return Promise.reject(new AgentDisposedError());
    if (options.signal?.aborted) return Promise.reject(new AgentAbortedError());
    return new Promise<AgentResult>((resolve, reject) => {
      const entry: Pending = {
        id: request.id,
        request,
        started: 0,
        stdout: [],
        stderr: [],
        bytes: 0,
        truncated: false,
        sent: false,
        resolve,
        reject,
        cleanup: () => {},
      };
      const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
      const timer = setTimeout(() => this.abandon(entry, new AgentTimeoutError(timeoutMs)), timeoutMs);
      const onAbort = (): void => this.abandon(entry, new AgentAbortedError());
      options.signal?.addEventListener("abort", onAbort, { once: true });
      entry.cleanup = () => {
        clearTimeout(timer);
        options.signal?.removeEventListener("abort", onAbort);
      };
      this.pending.set(request.id, entry);
      // Control requests (ping, resize, resume, readings) are answered by the agent itself at once: they skip
      // the queue so a long-running check never delays a resize or a liveness probe.
      if (urgent) this.send(entry);
      else {
        this.queue.push(entry);
        this.pump();
      }
    });
  }

  private send(entry: Pending): void {
    entry.sent = true;
    (entry as { started: number }).started = performance.now();
    this.transport.send(encodeRequest(entry.request));
  }

  private pump(): void {
    // Disposing fails the pending requests one by one; each `finish` pumps, and must not send the
    // queued requests that are about to be rejected to the guest.
    if (this.disposed) return;
    let running = 0;
    for (const entry of this.pending.values()) if (entry.sent && entry.request.kind === "run") running++;
    while (running < this.concurrency && this.queue.length > 0) {
      const next = this.queue.shift()!;
      this.send(next);
      running++;
    }
  }

  /** Gives up on a request: kills it in the guest if it was sent, rejects the caller. */
  private abandon(entry: Pending, error: Error): void {
    if (!this.pending.has(entry.id)) return;
    if (entry.sent && entry.request.kind === "run") this.transport.send(encodeRequest({ kind: "kill", id: entry.id }));
    this.finish(entry);
    entry.reject(error);
  }

  private finish(entry: Pending): void {
    entry.cleanup();
    this.pending.delete(entry.id);
    const queued = this.queue.indexOf(entry);
    if (queued >= 0) this.queue.splice(queued, 1);
    this.pump();
  }

  private failAll(makeError: () => Error): void {
    for (const entry of [...this.pending.values()]) {
      this.finish(entry);
      entry.reject(makeError());
    }
  }

  private onLine(line: string): void {
    const frame = decodeFrame(line);
    if (frame) this.onFrame(frame);
  }

  private onFrame(frame: AgentFrame): void {
    if (frame.kind === "ready") {
      // A new agent process knows nothing of requests sent to the old one. Collect them before failing
      // any: each `finish` pumps the queue, and a request it sends now goes to the new agent, so it
      // must not be counted as lost.
      const lost = [...this.pending.values()].filter((entry) => entry.sent);
      for (const entry of lost) {
        this.finish(entry);
        entry.reject(new AgentRestartedError());
      }
      this.events.emit("ready", { bootId: frame.bootId });
      return;
    }
    const entry = this.pending.get(frame.id);
    if (!entry) return; // an answer to a request we already gave up on
    if (frame.kind === "output") {
      // Keep the beginning of the output: once the limit is hit everything after it is dropped, so a
      // later small chunk cannot slip into the room left and leave a hole in the kept text.
      if (entry.truncated) return;
      const room = this.maxOutputBytes - entry.bytes;
      const data = frame.data.length > room ? frame.data.subarray(0, room) : frame.data;
      if (data.length < frame.data.length) entry.truncated = true;
      entry.bytes += data.length;
      if (data.length > 0) (frame.fd === 1 ? entry.stdout : entry.stderr).push(data);
      return;
    }
    this.finish(entry);
    entry.resolve({
      exitCode: frame.status,
      signal: frame.signal,
      stdout: concatBytes(entry.stdout),
      stderr: concatBytes(entry.stderr),
      truncated: entry.truncated,
      durationMs: performance.now() - entry.started,
    });
  }
}
