// `npm run serve -- --class` as a test runs it: the lab's own server over the built lab (E2E_DIST), on
// a free port, with the class log in a temporary folder that outlives a restart. The addresses are read
// from what the server prints, as an instructor reads them off the terminal.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { BUILT_DIR } from "./deployment.ts";

const ROOT = path.resolve(import.meta.dirname, "..");

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export class ClassServe {
  private child: ChildProcess | undefined;
  /** Everything the server printed since it last started. */
  output = "";

  private constructor(
    readonly port: number,
    readonly dataDir: string,
  ) {}

  static async start(): Promise<ClassServe> {
    const serve = new ClassServe(await freePort(), mkdtempSync(path.join(tmpdir(), "lab-class-e2e-")));
    await serve.restart();
    return serve;
  }

  /** The students' address. */
  get url(): string {
    return `http://localhost:${this.port}/`;
  }

  /** The newest one-time instructor address the server printed. */
  get instructorUrl(): string {
    const found = [...this.output.matchAll(/http:\/\/\S+\/class\/enter\/\S+/g)].at(-1)?.[0];
    if (!found) throw new Error(`the server printed no instructor address:\n${this.output}`);
    return found;
  }

  /** Starts the server (again, over the same class log) and waits until it printed its addresses. */
  async restart(): Promise<void> {
    await this.stop();
    this.output = "";
    const child = spawn(
      process.execPath,
      [
        path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"),
        "scripts/serve.ts",
        "--class",
        "--host",
        "localhost",
        "--port",
        String(this.port),
        "--dir",
        BUILT_DIR,
        "--class-log",
        path.join(this.dataDir, "class-log.jsonl"),
        "--quiet",
      ],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        if (this.output.includes("Ctrl+C stops the server.")) resolve();
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
      child.on("exit", (code) => reject(new Error(`serve --class exited with ${code}:\n${this.output}`)));
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise((resolve) => {
      child.once("exit", resolve);
      child.kill("SIGTERM");
    });
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
