// The learner's side against the real class server on loopback: it is offered only where a class server
// answers, joining is opt-in, events queue (in storage) while the server is away and arrive once when it
// is back, and leaving stops everything.
import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CLASS_STORAGE_KEY, ClassClient } from "../../../src/classroom/class-client.ts";
import { TestClass } from "./class-test-server.ts";

/** localStorage's interface over a Map (Node has no localStorage). */
class MemoryStorage implements Storage {
  private readonly map = new Map<string, string>();
  get length(): number {
    return this.map.size;
  }
  clear(): void {
    this.map.clear();
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
  setItem(key: string, value: string): void {
    this.map.set(key, value);
  }
}

/** fetch as a page of `origin` uses it: browsers add the Origin header to every POST. */
function pageFetch(origin: string): typeof fetch {
  return (input, init) => {
    const headers = new Headers(init?.headers);
    if (init?.method === "POST") headers.set("origin", origin);
    return fetch(input, { ...init, headers });
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let lab: TestClass | undefined;
const clients: ClassClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.dispose();
  await lab?.dispose();
  lab = undefined;
});

function client(port: number, storage: Storage = new MemoryStorage()): ClassClient {
  const origin = `http://127.0.0.1:${port}`;
  const c = new ClassClient(new URL(`${origin}/`), storage, pageFetch(origin));
  clients.push(c);
  return c;
}

describe("class client", () => {
  it("is not offered where no class server answers (static hosting)", async () => {
    lab = await TestClass.start();
    const staticOnly = client(await freePort());
    await staticOnly.detect();
    expect(staticOnly.status.kind).toBe("unavailable");
    staticOnly.record({ type: "overview" });
    expect(staticOnly.status.kind).toBe("unavailable");
  });

  it("sends nothing before joining, then sends events that the instructor's table shows", async () => {
    lab = await TestClass.start();
    const c = client(lab.port);
    await c.detect();
    expect(c.status.kind).toBe("available");
    c.record({ type: "position", exercise: "chroot", step: "escape" });
    expect(lab.classServer.state.rows()).toEqual([]);
    expect(await c.join("Ada")).toBe(true);
    c.record({ type: "position", exercise: "chroot", step: "escape" });
    c.record({ type: "step-done", exercise: "chroot", step: "escape" });
    await c.flush();
    await expect.poll(() => lab!.classServer.state.eventCount()).toBe(2);
    expect(c.status).toEqual({ kind: "joined", name: "Ada", queued: 0, reachable: true });
    expect(lab.classServer.state.rows()[0]).toMatchObject({ name: "Ada", exercise: "chroot", done: 1 });
  });

  it("queues events in storage while the server is away and sends each once when it returns", async () => {
    lab = await TestClass.start();
    const port = lab.port;
    const storage = new MemoryStorage();
    const c = client(port, storage);
    await c.detect();
    await c.join("Grace");
    await lab.stop();

    for (const step of ["a", "b", "c"]) c.record({ type: "position", exercise: "chroot", step });
    await c.flush();
    expect(c.status).toMatchObject({ kind: "joined", queued: 3, reachable: false });
    // A reload while the server is away: the queue is in storage.
    const reloaded = client(port, storage);
    expect(reloaded.status).toMatchObject({ kind: "joined", name: "Grace", queued: 3 });
    reloaded.record({ type: "step-done", exercise: "chroot", step: "c" });
    await reloaded.flush();
    expect(reloaded.status).toMatchObject({ queued: 4, reachable: false });

    lab = await TestClass.start({ dir: lab.dir, port });
    await reloaded.flush();
    expect(reloaded.status).toMatchObject({ kind: "joined", queued: 0, reachable: true });
    expect(lab.classServer.state.eventCount()).toBe(4);
    expect(lab.classServer.state.rows()[0]).toMatchObject({ step: "c", done: 1 });
  });

  it("forgets its membership on leaving, and offers to join again when the server does not know it", async () => {
    lab = await TestClass.start();
    const storage = new MemoryStorage();
    const c = client(lab.port, storage);
    await c.detect();
    await c.join("Alan");
    c.leave();
    expect(storage.getItem(CLASS_STORAGE_KEY)).toBeNull();
    expect(c.status.kind).toBe("available");
    await expect.poll(() => lab!.classServer.state.rows()[0]?.left).toBe(true);

    // Another class: a fresh server with an empty log does not know this learner.
    storage.setItem(CLASS_STORAGE_KEY, JSON.stringify({ student: "s-0123456789abcdef", key: "0".repeat(32), name: "Old", nextSeq: 1, queue: [] }));
    const stale = client(lab.port, storage);
    await stale.detect();
    stale.record({ type: "overview" });
    await stale.flush();
    expect(stale.status).toEqual({ kind: "available", error: "server-forgot" });
  });
});
