// The live class behind `npm run serve -- --class`: students join and send progress events, the
// instructor watches them live. It answers only URLs under /class/ and leaves everything else to the
// static handler. Every change is stored in the log (fsynced) before it is acknowledged or shown, so what
// the instructor sees and what a restart replays are the same thing.
import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  CLASS_API,
  type EventsReply,
  type JoinReply,
  type StreamMessage,
} from "../../../src/classroom/class-protocol.ts";
import { classCsv } from "../../../src/classroom/class-table.ts";
import { eventsRequestSchema, joinRequestSchema, leaveRequestSchema } from "./class-schemas.ts";
import { SECURITY_HEADERS } from "../security-policy.ts";
import { parseClassRecord, type ClassRecord } from "./class-records.ts";
import { ClassState } from "./class-state.ts";
import { EventLog, readLog } from "./event-log.ts";
import { ENTER_PATH, InstructorAccess } from "./instructor-access.ts";
import { RateLimiter } from "./rate-limit.ts";
import { Refusal, checkJsonContentType, checkSameOrigin, readJsonBody } from "./request-guard.ts";
import { cleanStudentName } from "./student-name.ts";

export interface ClassServerOptions {
  /** The log file (created if missing; replayed if present). */
  readonly logFile: string;
  /** Where the instructor's page is, relative to the site root. */
  readonly instructorPage?: string;
  /** Told each time a fresh one-time instructor address exists (the path, e.g. /class/enter/…). */
  readonly onInstructorEntry?: (path: string) => void;
  /** Told about lines of the log that could not be read at start. */
  readonly onSkippedRecords?: (skipped: readonly { line: number; reason: string }[]) => void;
  /** Requests per student: burst and refill per second. */
  readonly studentRate?: { readonly capacity: number; readonly perSecond: number };
}

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

export class ClassServer {
  readonly state = new ClassState();
  readonly access: InstructorAccess;
  private readonly streams = new Set<ServerResponse>();
  private readonly studentLimiter: RateLimiter;
  /** Joins per client address: a page joins once, a script looping on join is cut off. */
  private readonly joinLimiter = new RateLimiter(60, 1);
  /** Per student, the highest seq being stored or stored: claimed before the write, so two racing batches never store one seq twice. */
  private readonly claimed = new Map<string, number>();
  private readonly instructorPage: string;

  private constructor(
    private readonly log: EventLog<ClassRecord>,
    options: ClassServerOptions,
  ) {
    this.access = new InstructorAccess(options.onInstructorEntry);
    const rate = options.studentRate ?? { capacity: 20, perSecond: 4 };
    this.studentLimiter = new RateLimiter(rate.capacity, rate.perSecond);
    this.instructorPage = `/${options.instructorPage ?? "instructor.html"}`;
  }

  static async open(options: ClassServerOptions): Promise<ClassServer> {
    const contents = readLog(options.logFile, parseClassRecord);
    if (contents.skipped.length > 0) options.onSkippedRecords?.(contents.skipped);
    const server = new ClassServer(await EventLog.open<ClassRecord>(options.logFile), options);
    for (const record of contents.records) server.state.apply(record);
    return server;
  }

  /** Answers the request when it is the class's (true), else leaves it to the caller (false). */
  handle(request: IncomingMessage, response: ServerResponse): boolean {
    const url = new URL(request.url ?? "/", "http://lab");
    const path = url.pathname;
    if (!path.startsWith("/class/")) return false;
    this.route(request, response, url).catch((error: unknown) => {
      if (error instanceof Refusal) return reply(response, error.status, { error: error.message });
      if (!response.headersSent) reply(response, 500, { error: error instanceof Error ? error.message : String(error) });
      else response.destroy();
    });
    return true;
  }

  async close(): Promise<void> {
    for (const stream of this.streams) stream.end();
    this.streams.clear();
    await this.log.close();
  }

  private async route(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname;
    const method = request.method ?? "GET";
    if (path === `/${CLASS_API.hello}` && method === "GET") return reply(response, 200, { class: true });
    if (path.startsWith(ENTER_PATH) && method === "GET") return this.enter(response, path);
    if (path === `/${CLASS_API.join}`) return this.join(request, response);
    if (path === `/${CLASS_API.events}`) return this.events(request, response);
    if (path === `/${CLASS_API.leave}`) return this.leave(request, response);
    if (path.startsWith("/class/api/instructor/")) {
      if (method !== "GET") throw new Refusal(405, "GET only");
      const access = this.access.check(request);
      if (access !== 200) throw new Refusal(access, access === 401 ? "the instructor's address sets a cookie first" : "not the instructor");
      if (path === `/${CLASS_API.stream}`) return this.stream(request, response);
      if (path === `/${CLASS_API.csv}`) return this.csv(response);
      if (path === `/${CLASS_API.timeline}`) return this.timeline(response, url.searchParams.get("student") ?? "");
    }
    throw new Refusal(404, "no such class URL");
  }

  private enter(response: ServerResponse, path: string): void {
    const session = this.access.enter(path);
    if (!session) throw new Refusal(403, "this instructor address was used already or is wrong: use the newest one the server printed");
    response.writeHead(303, {
      ...SECURITY_HEADERS,
      location: this.instructorPage,
      "set-cookie": InstructorAccess.setCookie(session),
      "cache-control": "no-store",
      "content-length": 0,
    });
    response.end();
  }

  /** POST guards shared by the student endpoints: same origin, JSON, small. */
  private async studentBody(request: IncomingMessage): Promise<unknown> {
    if (request.method !== "POST") throw new Refusal(405, "POST only");
    checkSameOrigin(request);
    checkJsonContentType(request);
    return readJsonBody(request);
  }

  private async join(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!this.joinLimiter.take(request.socket.remoteAddress ?? "?")) throw new Refusal(429, "too many joins from this address; wait a minute");
    const parsed = joinRequestSchema.safeParse(await this.studentBody(request));
    if (!parsed.success) throw new Refusal(400, "malformed join");
    const name = cleanStudentName(parsed.data.name);
    if (!name) throw new Refusal(400, "a name needs at least one letter or digit");
    const student = `s-${randomBytes(8).toString("hex")}`;
    const key = randomBytes(16).toString("hex");
    await this.store({ type: "join", student, name, keyHash: sha256(key), at: new Date().toISOString() });
    reply(response, 200, { student, key, name } satisfies JoinReply);
  }

  /** The student the credentials name, refusing unknown students, wrong keys and floods. */
  private authenticate(student: string, key: string): void {
    const hash = this.state.keyHash(student);
    if (hash === undefined) throw new Refusal(404, "unknown student: join again");
    if (hash !== sha256(key)) throw new Refusal(403, "wrong key for this student");
    if (!this.studentLimiter.take(student)) throw new Refusal(429, "too many requests: slow down");
  }

  private async events(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const parsed = eventsRequestSchema.safeParse(await this.studentBody(request));
    if (!parsed.success) throw new Refusal(400, `malformed events: ${parsed.error.issues[0]?.message ?? "?"}`);
    const { student, key, events } = parsed.data;
    this.authenticate(student, key);
    const receivedAt = new Date().toISOString();
    // In seq order, each seq once: a batch resent after a lost reply stores nothing new.
    const fresh = [];
    let highest = Math.max(this.claimed.get(student) ?? 0, this.state.lastSeq(student));
    for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
      if (e.seq <= highest) continue;
      highest = e.seq;
      fresh.push(e);
    }
    this.claimed.set(student, highest);
    await Promise.all(fresh.map((e) => this.store({ type: "event", student, seq: e.seq, at: e.at, receivedAt, event: e.event })));
    // Acknowledge what this request stored (a racing request may still be writing lower seqs of its own).
    reply(response, 200, { stored: fresh.length, acked: Math.max(this.state.lastSeq(student), fresh.at(-1)?.seq ?? 0) } satisfies EventsReply);
  }

  private async leave(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const parsed = leaveRequestSchema.safeParse(await this.studentBody(request));
    if (!parsed.success) throw new Refusal(400, "malformed leave");
    this.authenticate(parsed.data.student, parsed.data.key);
    await this.store({ type: "leave", student: parsed.data.student, at: new Date().toISOString() });
    reply(response, 200, {});
  }

  /**
   * Stores a record, then applies it and tells the instructor's streams. Records of one request are
   * appended in order and applied in the order their writes complete, which is the same order.
   */
  private async store(record: ClassRecord): Promise<void> {
    await this.log.append(record);
    const row = this.state.apply(record);
    if (row) this.broadcast(record.type === "event" ? { kind: "row", row, seq: record.seq } : { kind: "row", row });
  }

  private stream(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
    });
    this.send(response, { kind: "snapshot", rows: this.state.rows() });
    this.streams.add(response);
    // A comment every 20 s keeps proxies and idle timers from closing a quiet stream.
    const keepAlive = setInterval(() => response.write(": keep-alive\n\n"), 20_000);
    request.on("close", () => {
      clearInterval(keepAlive);
      this.streams.delete(response);
    });
  }

  private broadcast(message: StreamMessage): void {
    for (const stream of this.streams) this.send(stream, message);
  }

  private send(stream: ServerResponse, message: StreamMessage): void {
    stream.write(`data: ${JSON.stringify(message)}\n\n`);
  }

  private csv(response: ServerResponse): void {
    const body = classCsv(this.state.rows(), Date.now());
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="isolation-lab-class-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
      "content-length": Buffer.byteLength(body),
    });
    response.end(body);
  }

  private timeline(response: ServerResponse, student: string): void {
    const timeline = this.state.timeline(student);
    if (!timeline) throw new Refusal(404, "unknown student");
    reply(response, 200, { student, timeline });
  }
}

function reply(response: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(text),
  });
  response.end(text);
}
