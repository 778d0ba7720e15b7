// The learner's side of the live class: finds out whether the page was served by `npm run serve --
// --class`, joins (opt-in, with a name) and leaves, and sends progress events to that server. Events
// wait in a queue kept in localStorage, so a server that is down, a reload or a closed laptop lose
// nothing; the queue is sent in order whenever the server answers again, and the server stores each
// event once however often it is resent. Nothing the learner does waits for any of this.
import { TypedEvents } from "../shared/typed-events.ts";
import {
  CLASS_API,
  MAX_EVENTS_PER_REQUEST,
  type ClassEvent,
  type EventsReply,
  type JoinReply,
  type SentEvent,
} from "./class-protocol.ts";

export const CLASS_STORAGE_KEY = "isolation-lab.class.v1";
/** Events kept while the server is away; past this the oldest go (a day offline in a class is unusual). */
export const MAX_QUEUED_EVENTS = 2000;
const RETRY_MIN_MS = 1000;
const RETRY_MAX_MS = 30_000;

export type ClassStatus =
  /** Not served by a class server (static hosting), or not found out yet. */
  | { readonly kind: "unavailable" }
  | { readonly kind: "available"; readonly error?: "join-failed" | "server-forgot" }
  | { readonly kind: "joined"; readonly name: string; readonly queued: number; readonly reachable: boolean };

interface Membership {
  readonly student: string;
  readonly key: string;
  readonly name: string;
  nextSeq: number;
  queue: SentEvent[];
}

export interface ClassClientEvents {
  change: ClassStatus;
}

export class ClassClient {
  readonly events = new TypedEvents<ClassClientEvents>();
  private available = false;
  private membership: Membership | undefined;
  private reachable = true;
  private sending: Promise<void> | undefined;
  private retryMs = RETRY_MIN_MS;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private lastError: "join-failed" | "server-forgot" | undefined;

  constructor(
    private readonly base: URL,
    private readonly storage: Storage | undefined,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {
    this.membership = this.load();
  }

  get status(): ClassStatus {
    if (this.membership) return { kind: "joined", name: this.membership.name, queued: this.membership.queue.length, reachable: this.reachable };
    if (!this.available) return { kind: "unavailable" };
    return this.lastError ? { kind: "available", error: this.lastError } : { kind: "available" };
  }

  /** The learner as they joined the class (name and student id), for exported files; undefined when not joined. */
  get learner(): { readonly name: string; readonly id: string } | undefined {
    return this.membership ? { name: this.membership.name, id: this.membership.student } : undefined;
  }

  /** Asks the server that served the page whether it runs a class; a joined learner's queue is sent. */
  async detect(): Promise<void> {
    try {
      const response = await this.fetchImpl(new URL(CLASS_API.hello, this.base), { cache: "no-store" });
      const body = response.ok ? ((await response.json()) as { class?: unknown }) : undefined;
      this.available = body?.class === true;
    } catch {
      this.available = false;
    }
    this.changed();
    if (this.membership) void this.flush();
  }

  async join(name: string): Promise<boolean> {
    this.lastError = undefined;
    try {
      const response = await this.post(CLASS_API.join, { name });
      if (!response.ok) throw new Error(String(response.status));
      const reply = (await response.json()) as JoinReply;
      this.membership = { student: reply.student, key: reply.key, name: reply.name, nextSeq: 1, queue: [] };
      this.reachable = true;
      this.save();
      this.changed();
      return true;
    } catch {
      this.lastError = "join-failed";
      this.changed();
      return false;
    }
  }

  /** Leaves at once; the server is told when it can be (what was queued is dropped). */
  leave(): void {
    const membership = this.membership;
    if (!membership) return;
    this.membership = undefined;
    clearTimeout(this.retryTimer);
    this.save();
    this.changed();
    void this.post(CLASS_API.leave, { student: membership.student, key: membership.key }).catch(() => undefined);
  }

  /** Queues a progress event (only while joined) and sends the queue soon. */
  record(event: ClassEvent, at: Date = new Date()): void {
    const membership = this.membership;
    if (!membership) return;
    membership.queue.push({ seq: membership.nextSeq++, at: at.toISOString(), event });
    if (membership.queue.length > MAX_QUEUED_EVENTS) membership.queue.splice(0, membership.queue.length - MAX_QUEUED_EVENTS);
    this.save();
    this.changed();
    if (!this.retryTimer) void this.flush();
  }

  /**
   * Sends the queue, batch by batch, until it is empty or the server cannot be reached (then retries
   * later). Resolves when this round of sending is over; a call during a round joins it.
   */
  flush(): Promise<void> {
    this.sending ??= this.sendQueue().finally(() => {
      this.sending = undefined;
      // An event recorded while the last reply was on its way: send it too.
      if (this.membership?.queue.length && !this.retryTimer) void this.flush();
    });
    return this.sending;
  }

  private async sendQueue(): Promise<void> {
    while (this.membership && this.membership.queue.length > 0) {
      const membership = this.membership;
      const batch = membership.queue.slice(0, MAX_EVENTS_PER_REQUEST);
      let response: Response;
      try {
        response = await this.post(CLASS_API.events, { student: membership.student, key: membership.key, events: batch });
      } catch {
        this.scheduleRetry();
        return;
      }
      if (response.status === 404 || response.status === 403) {
        // The server no longer knows this learner (another class, a wiped log): stop, offer to join again.
        this.membership = undefined;
        this.lastError = "server-forgot";
        this.save();
        this.changed();
        return;
      }
      if (response.status === 400) {
        // The server refuses these events as they are; resending cannot help. Drop them, keep going.
        this.dropThrough(batch.at(-1)!.seq);
        continue;
      }
      if (!response.ok) {
        this.scheduleRetry();
        return;
      }
      const reply = (await response.json()) as EventsReply;
      this.dropThrough(reply.acked);
      this.reachable = true;
      this.retryMs = RETRY_MIN_MS;
      this.changed();
    }
  }

  dispose(): void {
    clearTimeout(this.retryTimer);
    this.events.clear();
  }

  private dropThrough(seq: number): void {
    if (!this.membership) return;
    this.membership.queue = this.membership.queue.filter((e) => e.seq > seq);
    this.save();
  }

  private scheduleRetry(): void {
    this.reachable = false;
    this.changed();
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.flush();
    }, this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }

  private post(path: string, body: object): Promise<Response> {
    return this.fetchImpl(new URL(path, this.base), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      cache: "no-store",
      credentials: "same-origin",
    });
  }

  private changed(): void {
    this.events.emit("change", this.status);
  }

  private load(): Membership | undefined {
    try {
      const stored = this.storage?.getItem(CLASS_STORAGE_KEY);
      if (!stored) return undefined;
      const value = JSON.parse(stored) as Partial<Membership>;
      if (typeof value.student !== "string" || typeof value.key !== "string" || typeof value.name !== "string") return undefined;
      if (typeof value.nextSeq !== "number" || !Array.isArray(value.queue)) return undefined;
      return { student: value.student, key: value.key, name: value.name, nextSeq: value.nextSeq, queue: value.queue };
    } catch {
      return undefined;
    }
  }

  private save(): void {
    try {
      if (this.membership) this.storage?.setItem(CLASS_STORAGE_KEY, JSON.stringify(this.membership));
      else this.storage?.removeItem(CLASS_STORAGE_KEY);
    } catch {
      // full or disabled storage: the queue lasts for this page
    }
  }
}
