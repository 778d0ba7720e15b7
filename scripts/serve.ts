// `npm run serve`: serves the built lab (dist/) to a classroom with node:http and prints the addresses
// to give students. Brotli/gzip variants written at build time, application/wasm, immutable caching for
// hashed files, revalidation for the rest and the lab's security headers: see scripts/serve/.
// With --class it also runs the live class view (scripts/serve/class/): students may join from the lab
// page, and the instructor's one-time address (printed here) opens the class table.
// Usage: tsx scripts/serve.ts [--host 0.0.0.0] [--port 8080] [--dir dist] [--quiet]
//                             [--class] [--class-log class-data/class-log.jsonl]
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { ClassServer } from "./serve/class/class-server.ts";
import { lanAddresses, urlsFor } from "./serve/lan-addresses.ts";
import { createStaticHandler } from "./serve/static-handler.ts";

const { values } = parseArgs({
  options: {
    host: { type: "string", default: process.env.HOST ?? "0.0.0.0" },
    port: { type: "string", default: process.env.PORT ?? "8080" },
    dir: { type: "string", default: path.resolve(import.meta.dirname, "..", "dist") },
    quiet: { type: "boolean", default: false },
    class: { type: "boolean", default: false },
    "class-log": { type: "string", default: path.resolve(import.meta.dirname, "..", "class-data", "class-log.jsonl") },
  },
});

const dir = path.resolve(values.dir);
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`serve: --port must be a number from 0 to 65535, not "${values.port}"\n`);
  process.exit(2);
}
if (!existsSync(path.join(dir, "index.html"))) {
  process.stderr.write(`serve: ${dir} has no index.html: build the lab first (npm run build, or bash scripts/start.sh)\n`);
  process.exit(2);
}
if (!existsSync(path.join(dir, "guest", "manifest.json"))) {
  process.stderr.write(`serve: warning: ${dir}/guest/manifest.json is missing; build the guest image (bash images/build.sh), then the lab\n`);
}

const log = values.quiet
  ? undefined
  : (status: number, urlPath: string) => {
      if (status >= 400) process.stderr.write(`${status} ${urlPath}\n`);
    };
const staticHandler = createStaticHandler(dir, log);

/** Where the instructor opens the class view: on this laptop, so the address is loopback's. */
let instructorBase = "";
const classLog = path.resolve(values["class-log"]);
const classServer = values.class
  ? await ClassServer.open({
      logFile: classLog,
      onInstructorEntry: (entry) => {
        if (instructorBase) process.stdout.write(`The instructor's address was used; a new one for another device:\n  ${instructorBase}${entry}\n`);
      },
      onSkippedRecords: (skipped) => {
        for (const s of skipped) process.stderr.write(`serve: class log ${classLog}:${s.line}: skipped (${s.reason})\n`);
      },
    })
  : undefined;

const server = createServer((request, response) => {
  if (classServer?.handle(request, response)) return;
  staticHandler(request, response);
});
server.on("error", (error: NodeJS.ErrnoException) => {
  const why = error.code === "EADDRINUSE" ? `port ${port} is in use (choose another with --port)` : error.message;
  process.stderr.write(`serve: cannot listen on ${values.host}:${port}: ${why}\n`);
  process.exit(1);
});
server.listen(port, values.host, () => {
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  const urls = urlsFor(values.host, actualPort, lanAddresses());
  process.stdout.write(`Isolation Lab is served from ${path.relative(process.cwd(), dir) || "."}. ${classServer ? "Students open" : "Open"}:\n`);
  for (const url of urls) process.stdout.write(`  ${url}\n`);
  if (values.host === "0.0.0.0" && urls.length === 1) process.stdout.write("  (no network interface besides loopback is up)\n");
  if (classServer) {
    const loopback = values.host === "0.0.0.0" || values.host === "::" ? "127.0.0.1" : values.host;
    instructorBase = `http://${loopback.includes(":") ? `[${loopback}]` : loopback}:${actualPort}`;
    const students = classServer.state.rows().length;
    process.stdout.write(`Live class view: ${students} student(s) in ${path.relative(process.cwd(), classLog)}. The instructor opens (works once, on this laptop):\n`);
    process.stdout.write(`  ${instructorBase}${classServer.access.entryPath}\n`);
  }
  process.stdout.write("Ctrl+C stops the server.\n");
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    void (classServer?.close() ?? Promise.resolve()).finally(() => process.exit(0));
  });
}
