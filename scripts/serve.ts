// `npm run serve`: serves the built lab (dist/) to a classroom with node:http and prints the addresses
// to give students. Brotli/gzip variants written at build time, application/wasm, immutable caching for
// hashed files and revalidation for the rest: see scripts/serve/.
// Usage: tsx scripts/serve.ts [--host 0.0.0.0] [--port 8080] [--dir dist] [--quiet]
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { lanAddresses, urlsFor } from "./serve/lan-addresses.ts";
import { createStaticHandler } from "./serve/static-handler.ts";

const { values } = parseArgs({
  options: {
    host: { type: "string", default: process.env.HOST ?? "0.0.0.0" },
    port: { type: "string", default: process.env.PORT ?? "8080" },
    dir: { type: "string", default: path.resolve(import.meta.dirname, "..", "dist") },
    quiet: { type: "boolean", default: false },
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
const server = createServer(createStaticHandler(dir, log));
server.on("error", (error: NodeJS.ErrnoException) => {
  const why = error.code === "EADDRINUSE" ? `port ${port} is in use (choose another with --port)` : error.message;
  process.stderr.write(`serve: cannot listen on ${values.host}:${port}: ${why}\n`);
  process.exit(1);
});
server.listen(port, values.host, () => {
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  const urls = urlsFor(values.host, actualPort, lanAddresses());
  process.stdout.write(`Isolation Lab is served from ${path.relative(process.cwd(), dir) || "."}. Open:\n`);
  for (const url of urls) process.stdout.write(`  ${url}\n`);
  if (values.host === "0.0.0.0" && urls.length === 1) process.stdout.write("  (no network interface besides loopback is up)\n");
  process.stdout.write("Ctrl+C stops the server.\n");
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}
