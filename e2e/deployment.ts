// A deployment of the built lab that a test controls: a copy of the build folder served by the lab's own
// server (scripts/serve/) on a free port, so a test can deploy a "new build" into it the way an
// instructor would, while the suite's shared server keeps serving the original.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createStaticHandler } from "../scripts/serve/static-handler.ts";

/** The folder playwright.config.ts's web server built (E2E_DIST), relative to the repository. */
export const BUILT_DIR = path.resolve(import.meta.dirname, "..", process.env.E2E_DIST ?? "dist");

export class Deployment {
  private constructor(
    private readonly dir: string,
    private readonly server: Server,
    /** The deployment's address (localhost, so the page is a secure context and may register a worker). */
    readonly url: string,
  ) {}

  static async start(): Promise<Deployment> {
    const dir = mkdtempSync(path.join(tmpdir(), "lab-deployment-"));
    cpSync(BUILT_DIR, dir, { recursive: true });
    const server = createServer(createStaticHandler(dir));
    await new Promise<void>((resolve) => server.listen(0, "localhost", resolve));
    return new Deployment(dir, server, `http://localhost:${(server.address() as AddressInfo).port}/`);
  }

  /**
   * Deploys a new build: a changed sw.js, as every rebuild that changes a file produces (its file list
   * has the files' hashes). Its compressed variants are removed, as a fresh build would replace them.
   */
  deployNewBuild(marker: string): void {
    const worker = path.join(this.dir, "sw.js");
    writeFileSync(worker, `${readFileSync(worker, "utf8")}\n// ${marker}\n`);
    rmSync(`${worker}.br`, { force: true });
    rmSync(`${worker}.gz`, { force: true });
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
    rmSync(this.dir, { recursive: true, force: true });
  }
}
