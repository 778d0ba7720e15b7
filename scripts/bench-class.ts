// The live class under load, for `npm run bench`: `npm run serve -- --class` (its own process) on
// loopback; 30 simulated students join and each send a progress event a second for 60 s, while 30 other
// students download the whole lab from the same server and the instructor's live stream is open.
// Reports: events sent, stored (counted in the class log) and stored twice (must be 0), how long after
// it was sent each event reached the instructor's stream (p50/p95/max), and the download figures with
// the class running, to set beside the ones without it (classroomServe).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { REPO_DIR } from "../images/node-asset-source.ts";
import type { ClassEvent, StreamMessage } from "../src/classroom/class-protocol.ts";
import { downloadWholeClass, startServer } from "./bench-serve.ts";

const STUDENTS = 30;
const SECONDS = Number(process.env.BENCH_CLASS_SECONDS ?? 60);
const round = (n: number): number => Math.round(n * 10) / 10;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** A JSON request as the lab's page sends it (same origin, application/json). */
function send(base: string, urlPath: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string; headers: Record<string, unknown> }> {
  const url = new URL(urlPath, base);
  const data = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: data === undefined ? "GET" : "POST",
        headers: data === undefined ? headers : { origin: url.origin, "content-type": "application/json", ...headers },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }));
      },
    );
    req.on("error", reject);
    if (data !== undefined) req.write(data);
    req.end();
  });
}

/** The instructor's stream: calls `onRow` with (student, seq, arrival time) for every event row. */
function openStream(base: string, cookie: string, onRow: (student: string, seq: number, at: number) => void): () => void {
  let buffer = "";
  const req = request(new URL("class/api/instructor/stream", base), { headers: { cookie } }, (res) => {
    res.setEncoding("utf8");
    res.on("data", (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const line = frame.split("\n").find((l) => l.startsWith("data: "));
        if (!line) continue;
        const message = JSON.parse(line.slice(6)) as StreamMessage;
        if (message.kind === "row" && message.seq !== undefined) onRow(message.row.student, message.seq, performance.now());
      }
    });
  });
  req.on("error", () => undefined);
  req.end();
  return () => req.destroy();
}

const EVENTS: readonly ((n: number) => ClassEvent)[] = [
  (n) => ({ type: "position", exercise: "pid-namespace", step: `step-${n % 5}` }),
  (n) => ({ type: "check-failed", exercise: "pid-namespace", step: `step-${n % 5}` }),
  (n) => ({ type: "step-done", exercise: "pid-namespace", step: `step-${n % 5}` }),
];

export async function measureLiveClass(): Promise<Record<string, unknown>> {
  const dir = path.join(REPO_DIR, "dist");
  const data = mkdtempSync(path.join(tmpdir(), "lab-bench-class-"));
  const logFile = path.join(data, "class-log.jsonl");
  const { server, base, output } = await startServer(dir, ["--class", "--class-log", logFile, "--quiet"]);
  try {
    const entry = /http:\/\/\S+(\/class\/enter\/\S+)/.exec(output())?.[1];
    if (!entry) throw new Error(`serve --class printed no instructor address:\n${output()}`);
    const enter = await send(base, entry, undefined);
    const cookie = String(enter.headers["set-cookie"]).split(";")[0]!;

    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    const stop = openStream(base, cookie, (student, seq, at) => {
      const sent = sentAt.get(`${student}/${seq}`);
      if (sent !== undefined) latencies.push(at - sent);
    });

    const students = await Promise.all(
      Array.from({ length: STUDENTS }, async (_, i) => {
        const reply = await send(base, "class/api/join", { name: `Student ${i + 1}` });
        if (reply.status !== 200) throw new Error(`join: ${reply.status} ${reply.text}`);
        return JSON.parse(reply.text) as { student: string; key: string };
      }),
    );

    const refused: number[] = [];
    const sending = students.map(async (s, i) => {
      // Spread the students over the second, as a real class would be.
      await new Promise((resolve) => setTimeout(resolve, (i * 1000) / STUDENTS));
      for (let seq = 1; seq <= SECONDS; seq++) {
        const tick = performance.now();
        sentAt.set(`${s.student}/${seq}`, tick);
        const event = EVENTS[seq % EVENTS.length]!(seq);
        const reply = await send(base, "class/api/events", { student: s.student, key: s.key, events: [{ seq, at: new Date().toISOString(), event }] });
        if (reply.status !== 200) refused.push(reply.status);
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - (performance.now() - tick))));
      }
    });
    // Meanwhile 30 other students download the lab, once at the start of the class.
    const download = await downloadWholeClass(dir, base);
    await Promise.all(sending);
    stop();

    const lines = readFileSync(logFile, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { type: string; student: string; seq?: number });
    const events = lines.filter((l) => l.type === "event");
    const unique = new Set(events.map((e) => `${e.student}/${e.seq}`));
    return {
      students: STUDENTS,
      seconds: SECONDS,
      eventsSent: STUDENTS * SECONDS,
      eventsStored: events.length,
      storedTwice: events.length - unique.size,
      missing: STUDENTS * SECONDS - unique.size,
      refused: refused.length,
      instructorUpdateMs: { p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), max: round(Math.max(...latencies)), seen: latencies.length },
      downloadWhileClassRuns: download,
    };
  } finally {
    server.kill();
    rmSync(data, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${JSON.stringify(await measureLiveClass(), null, 2)}\n`);
}
