// The classroom half of `npm run bench`: starts `npm run serve` (scripts/serve.ts, its own process) on
// loopback and lets 30 simulated students fetch every file a first visit (and the offline copy) needs,
// all at once, the way browsers do (6 connections each, brotli/gzip accepted). Reports how long the
// whole class took, per-student times and the bytes sent. Loopback measures the server, not a Wi-Fi.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { Agent, request } from "node:http";
import path from "node:path";
import { REPO_DIR } from "../images/node-asset-source.ts";
import { buildPrecacheList } from "./build/precache-plugin.ts";

const STUDENTS = 30;
const CONNECTIONS_PER_STUDENT = 6;
const round = (n: number): number => Math.round(n * 10) / 10;

/** Starts scripts/serve.ts on a free loopback port (with `extraArgs`, e.g. --class); resolves with its output so far. */
export async function startServer(dir: string, extraArgs: readonly string[] = []): Promise<{ server: ChildProcess; base: string; output: () => string }> {
  const tsx = path.join(REPO_DIR, "node_modules", ".bin", "tsx");
  const server = spawn(tsx, [path.join(REPO_DIR, "scripts", "serve.ts"), "--host", "127.0.0.1", "--port", "0", "--dir", dir, ...extraArgs], {
    cwd: REPO_DIR,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("scripts/serve.ts did not start within 30 s")), 30_000);
    server.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)?.[0];
      if (url && out.includes("Ctrl+C stops the server.")) {
        clearTimeout(timer);
        resolve(url);
      }
    });
    server.on("exit", (code) => reject(new Error(`scripts/serve.ts exited with ${code}`)));
  });
  return { server, base, output: () => out };
}

/** One GET; resolves with the bytes on the wire, rejects on anything but a complete 200. */
function fetchBytes(agent: Agent, url: URL): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { "accept-encoding": "br, gzip" } }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => {
        const expected = Number(res.headers["content-length"]);
        if (res.statusCode !== 200) reject(new Error(`${url.pathname}: HTTP ${res.statusCode}`));
        else if (bytes !== expected) reject(new Error(`${url.pathname}: ${bytes} of ${expected} bytes`));
        else resolve(bytes);
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

export async function measureClassroomServe(): Promise<Record<string, unknown>> {
  const dir = path.join(REPO_DIR, "dist");
  if (!existsSync(path.join(dir, "sw.js"))) throw new Error("skipped: dist/ not built (npx vite build)");
  const { server, base } = await startServer(dir);
  try {
    return await downloadWholeClass(dir, base);
  } finally {
    server.kill();
  }
}

/** 30 students fetch every file of the build in `dir` from the server at `base`, all at once. */
export async function downloadWholeClass(dir: string, base: string): Promise<Record<string, unknown>> {
  const list = await buildPrecacheList(dir);
  const files = [...list.app, ...list.guest].map((e) => e.url);
  const started = performance.now();
  const students = Array.from({ length: STUDENTS }, async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS_PER_STUDENT });
    try {
      const bytes = await Promise.all(files.map((f) => fetchBytes(agent, new URL(f, base))));
      return { ms: performance.now() - started, bytes: bytes.reduce((a, b) => a + b, 0) };
    } finally {
      agent.destroy();
    }
  });
  const results = await Promise.all(students);
  const totalMs = performance.now() - started;
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  const wireBytes = results.reduce((n, r) => n + r.bytes, 0);
  return {
    students: STUDENTS,
    filesPerStudent: files.length,
    allCompleted: results.length === STUDENTS,
    wholeClassMs: round(totalMs),
    perStudentMs: { first: round(times[0]!), median: round(times[Math.floor(times.length / 2)]!), last: round(times.at(-1)!) },
    bytesPerStudentOnTheWire: results[0]!.bytes,
    bytesPerStudentUncompressed: [...list.app, ...list.guest].reduce((n, e) => n + e.size, 0),
    throughputMBps: round(wireBytes / 1e6 / (totalMs / 1000)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${JSON.stringify(await measureClassroomServe(), null, 2)}\n`);
}
