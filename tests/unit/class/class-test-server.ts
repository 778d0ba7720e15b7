// A class server on loopback over a temporary log, for the class tests: the real ClassServer and the
// static handler behind one node:http server, as `npm run serve -- --class` runs them, and a client
// that speaks to it the way a browser page of that origin does (Origin header, JSON).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { ClassServer, type ClassServerOptions } from "../../../scripts/serve/class/class-server.ts";
import { createStaticHandler } from "../../../scripts/serve/static-handler.ts";

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json<T = Record<string, unknown>>(): T;
}

export class TestClass {
  private constructor(
    /** The fresh instructor addresses the server announced, in order. */
    readonly entries: string[],
    readonly dir: string,
    readonly logFile: string,
    private readonly server: Server,
    readonly classServer: ClassServer,
    readonly port: number,
  ) {}

  static async start(options: Partial<ClassServerOptions> & { dir?: string; port?: number } = {}): Promise<TestClass> {
    const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), "lab-class-"));
    writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>lab</title>");
    const logFile = path.join(dir, "data", "class-log.jsonl");
    const entries: string[] = [];
    const classServer = await ClassServer.open({ logFile, onInstructorEntry: (p) => entries.push(p), ...options });
    const statics = createStaticHandler(dir);
    const server = createServer((req, res) => {
      if (!classServer.handle(req, res)) statics(req, res);
    });
    await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
    return new TestClass(entries, dir, logFile, server, classServer, (server.address() as AddressInfo).port);
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Stops the server but keeps the folder (for a restart over the same log). */
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
    await this.classServer.close();
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  send(method: string, urlPath: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port: this.port, path: urlPath, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, json: <T>() => JSON.parse(text) as T });
        });
      });
      req.on("error", reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  /** A POST as the lab's own page sends it. */
  post(urlPath: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    return this.send("POST", urlPath, JSON.stringify(body), { origin: this.origin, "content-type": "application/json", ...headers });
  }

  async join(name: string): Promise<{ student: string; key: string; name: string }> {
    const reply = await this.post("/class/api/join", { name });
    if (reply.status !== 200) throw new Error(`join: ${reply.status} ${reply.body}`);
    return reply.json();
  }

  /** The instructor's cookie, got the way the instructor gets it: the printed one-time address. */
  async instructorCookie(): Promise<string> {
    const reply = await this.send("GET", this.classServer.access.entryPath);
    if (reply.status !== 303) throw new Error(`enter: ${reply.status}`);
    const cookie = String(reply.headers["set-cookie"]).split(";")[0]!;
    return cookie;
  }
}

export function event(seq: number, exercise = "inside-a-vm", step = "boot-log", type: "position" | "step-done" | "check-failed" = "position") {
  return { seq, at: new Date().toISOString(), event: { type, exercise, step } };
}
