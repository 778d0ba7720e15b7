// The live class server on loopback: joining, progress events stored once, the instructor's access and
// live stream, CSV, a restart that keeps everything, and every kind of bad input refused while the lab
// itself keeps being served.
import { request } from "node:http";
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import type { StreamMessage } from "../../../src/classroom/class-protocol.ts";
import { TestClass, event } from "./class-test-server.ts";

let lab: TestClass | undefined;
afterEach(async () => {
  await lab?.dispose();
  lab = undefined;
});

async function start(...args: Parameters<typeof TestClass.start>): Promise<TestClass> {
  lab = await TestClass.start(...args);
  return lab;
}

/** Opens the instructor's stream and collects its messages until `stop` is called. */
function openStream(test: TestClass, cookie: string): { messages: StreamMessage[]; next: () => Promise<StreamMessage>; stop: () => void } {
  const messages: StreamMessage[] = [];
  const waiting: ((m: StreamMessage) => void)[] = [];
  let buffer = "";
  const req = request({ host: "127.0.0.1", port: test.port, path: "/class/api/instructor/stream", headers: { cookie } }, (res) => {
    res.setEncoding("utf8");
    res.on("data", (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = frame.split("\n").find((l) => l.startsWith("data: "));
        if (!data) continue;
        const message = JSON.parse(data.slice(6)) as StreamMessage;
        const waiter = waiting.shift();
        if (waiter) waiter(message);
        else messages.push(message);
      }
    });
  });
  req.on("error", () => undefined);
  req.end();
  return {
    messages,
    next: () => (messages.length > 0 ? Promise.resolve(messages.shift()!) : new Promise((resolve) => waiting.push(resolve))),
    stop: () => req.destroy(),
  };
}

describe("class server", () => {
  it("answers hello, and leaves every other URL to the lab's files", async () => {
    const test = await start();
    expect((await test.send("GET", "/class/api/hello")).json()).toEqual({ class: true });
    const page = await test.send("GET", "/");
    expect(page.status).toBe(200);
    expect(page.body).toContain("<title>lab</title>");
    expect((await test.send("GET", "/class/nothing")).status).toBe(404);
  });

  it("joins a student and stores each event once, however often it is resent", async () => {
    const test = await start();
    const me = await test.join("Ada Lovelace");
    expect(me.student).toMatch(/^s-[0-9a-f]{16}$/);
    expect(me.name).toBe("Ada Lovelace");
    const batch = { student: me.student, key: me.key, events: [event(1), event(2, "inside-a-vm", "boot-log", "step-done")] };
    const first = await test.post("/class/api/events", batch);
    expect(first.json()).toEqual({ stored: 2, acked: 2 });
    // The reply was lost; the page sends the same batch again with one more.
    const again = await test.post("/class/api/events", { ...batch, events: [...batch.events, event(3, "inside-a-vm", "emulated-cpu")] });
    expect(again.json()).toEqual({ stored: 1, acked: 3 });
    expect(test.classServer.state.eventCount()).toBe(3);
    const lines = readFileSync(test.logFile, "utf8").trim().split("\n");
    expect(lines.map((l) => (JSON.parse(l) as { type: string }).type)).toEqual(["join", "event", "event", "event"]);
    const row = test.classServer.state.rows()[0]!;
    expect(row).toMatchObject({ name: "Ada Lovelace", exercise: "inside-a-vm", step: "emulated-cpu", done: 1, failed: 0 });
  });

  it("counts failed attempts and hints on the current step and starts afresh on the next", async () => {
    const test = await start();
    const me = await test.join("Grace");
    const events = [
      event(1, "pid-namespace", "unshare"),
      event(2, "pid-namespace", "unshare", "check-failed"),
      event(3, "pid-namespace", "unshare", "check-failed"),
      { seq: 4, at: new Date().toISOString(), event: { type: "hint-shown", exercise: "pid-namespace", step: "unshare", check: "answer" } },
    ];
    await test.post("/class/api/events", { student: me.student, key: me.key, events });
    expect(test.classServer.state.rows()[0]).toMatchObject({ failed: 2, hints: 1, step: "unshare" });
    await test.post("/class/api/events", { student: me.student, key: me.key, events: [event(5, "pid-namespace", "proc")] });
    expect(test.classServer.state.rows()[0]).toMatchObject({ failed: 0, hints: 0, step: "proc" });
  });

  it("counts a challenge's failed attempts, hints, revealed solution and solving, and keeps them across a restart", async () => {
    const first = await start();
    const me = await first.join("Barbara");
    const at = new Date().toISOString();
    const onChallenge = (seq: number, type: string, extra: object = {}) => ({ seq, at, event: { type, challenge: "own-proc", ...extra } });
    const events = [
      event(1, "pid-namespace", "unshare"),
      onChallenge(2, "challenge-open"),
      onChallenge(3, "challenge-failed"),
      onChallenge(4, "challenge-hint", { hint: 1 }),
      onChallenge(5, "challenge-hint", { hint: 2 }),
      onChallenge(6, "solution-shown"),
      onChallenge(7, "challenge-solved"),
      { seq: 8, at, event: { type: "challenge-failed", challenge: "frozen" } },
    ];
    expect((await first.post("/class/api/events", { student: me.student, key: me.key, events: events.slice(0, 7) })).json()).toEqual({ stored: 7, acked: 7 });
    const expected = { challenge: "own-proc", exercise: undefined, step: undefined, failed: 1, hints: 2, solutions: 1, challengesPassed: 1, challengesTried: 1 };
    expect(first.classServer.state.rows()[0]).toMatchObject(expected);
    const cookie = await first.instructorCookie();
    const timeline = await first.send("GET", `/class/api/instructor/timeline?student=${me.student}`, undefined, { cookie });
    expect(timeline.json<{ timeline: { event: { type: string } }[] }>().timeline.map((e) => e.event.type)).toEqual([
      "position",
      "challenge-open",
      "challenge-failed",
      "challenge-hint",
      "challenge-hint",
      "solution-shown",
      "challenge-solved",
    ]);
    await first.stop();
    lab = await TestClass.start({ dir: first.dir });
    expect(lab.classServer.state.rows()[0]).toMatchObject(expected);
    // An attempt at another challenge moves the student there, with its own counts; the totals go on.
    await lab.post("/class/api/events", { student: me.student, key: me.key, events: [events[7]] });
    expect(lab.classServer.state.rows()[0]).toMatchObject({ challenge: "frozen", failed: 1, hints: 0, solutions: 1, challengesPassed: 1, challengesTried: 2 });
  });

  it("keeps every student and event across a restart of the server", async () => {
    const first = await start();
    const me = await first.join("Linus");
    await first.post("/class/api/events", { student: me.student, key: me.key, events: [event(1), event(2)] });
    await first.stop();
    lab = await TestClass.start({ dir: first.dir });
    expect(lab.classServer.state.rows()).toHaveLength(1);
    expect(lab.classServer.state.eventCount()).toBe(2);
    // The same student carries on where the log left off: seq 2 again is a resend, 3 is new.
    const reply = await lab.post("/class/api/events", { student: me.student, key: me.key, events: [event(2), event(3)] });
    expect(reply.json()).toEqual({ stored: 1, acked: 3 });
  });

  it("drops a last line cut short by a crash and keeps the rest", async () => {
    const first = await start();
    const me = await first.join("Ken");
    await first.post("/class/api/events", { student: me.student, key: me.key, events: [event(1)] });
    await first.stop();
    const { appendFileSync } = await import("node:fs");
    appendFileSync(first.logFile, '{"type":"event","student":"');
    const skipped: number[] = [];
    lab = await TestClass.start({ dir: first.dir, onSkippedRecords: (s) => skipped.push(...s.map((x) => x.line)) });
    expect(skipped).toEqual([3]);
    expect(lab.classServer.state.eventCount()).toBe(1);
    expect(readFileSync(first.logFile, "utf8").endsWith("\n")).toBe(true);
  });

  it("lets the instructor in once per printed address, with an HttpOnly SameSite=Strict cookie and no token in the page's URL", async () => {
    const test = await start();
    expect((await test.send("GET", "/class/api/instructor/class.csv")).status).toBe(401);
    expect((await test.send("GET", "/class/api/instructor/class.csv", undefined, { cookie: "lab_instructor=guess" })).status).toBe(403);
    const entry = test.classServer.access.entryPath;
    const enter = await test.send("GET", entry);
    expect(enter.status).toBe(303);
    expect(enter.headers.location).toBe("/instructor.html");
    const setCookie = String(enter.headers["set-cookie"]);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).not.toContain(entry.split("/").at(-1));
    expect(enter.headers["referrer-policy"]).toBe("no-referrer");
    // Used: refused, and a fresh address was announced.
    expect((await test.send("GET", entry)).status).toBe(403);
    expect(test.entries).toHaveLength(1);
    expect(test.entries[0]).not.toBe(entry);
    const cookie = setCookie.split(";")[0]!;
    expect((await test.send("GET", "/class/api/instructor/class.csv", undefined, { cookie })).status).toBe(200);
    // The instructor's endpoints do not take a token in the URL at all.
    expect((await test.send("GET", `/class/api/instructor/class.csv?token=${entry.split("/").at(-1)}`)).status).toBe(401);
  });

  it("streams a snapshot, then every change, to the instructor", async () => {
    const test = await start();
    const me = await test.join("Barbara");
    const stream = openStream(test, await test.instructorCookie());
    const snapshot = await stream.next();
    expect(snapshot.kind).toBe("snapshot");
    expect(snapshot.kind === "snapshot" && snapshot.rows.map((r) => r.name)).toEqual(["Barbara"]);
    await test.post("/class/api/events", { student: me.student, key: me.key, events: [event(1, "chroot", "escape")] });
    const change = await stream.next();
    expect(change).toMatchObject({ kind: "row", row: { name: "Barbara", exercise: "chroot", step: "escape" } });
    stream.stop();
  });

  it("exports the class as CSV, a formula-like name kept as text", async () => {
    const test = await start();
    const me = await test.join("=HYPERLINK(1)");
    await test.post("/class/api/events", { student: me.student, key: me.key, events: [event(1)] });
    const csv = await test.send("GET", "/class/api/instructor/class.csv", undefined, { cookie: await test.instructorCookie() });
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    const [header, row] = csv.body.trim().split("\r\n");
    expect(header).toContain('"name","exercise","step","challenge","seconds_on_step","failed_attempts","hints","steps_done","solutions_shown"');
    expect(row).toContain(`"'=HYPERLINK(1)","inside-a-vm","boot-log"`);
  });

  it("shows a student's timeline to the instructor", async () => {
    const test = await start();
    const me = await test.join("Edsger");
    await test.post("/class/api/events", { student: me.student, key: me.key, events: [event(1), event(2, "inside-a-vm", "boot-log", "step-done")] });
    const cookie = await test.instructorCookie();
    const reply = await test.send("GET", `/class/api/instructor/timeline?student=${me.student}`, undefined, { cookie });
    expect(reply.json<{ timeline: { seq: number; event: { type: string } }[] }>().timeline.map((e) => [e.seq, e.event.type])).toEqual([
      [1, "position"],
      [2, "step-done"],
    ]);
    expect((await test.send("GET", "/class/api/instructor/timeline?student=s-0000000000000000", undefined, { cookie })).status).toBe(404);
  });

  it("lets a student leave", async () => {
    const test = await start();
    const me = await test.join("Alan");
    expect((await test.post("/class/api/leave", { student: me.student, key: me.key })).status).toBe(200);
    expect(test.classServer.state.rows()[0]!.left).toBe(true);
  });
});

describe("class server refuses bad input and keeps serving the lab", () => {
  it("refuses cross-origin and non-JSON posts (a cross-site form cannot join or send)", async () => {
    const test = await start();
    const body = JSON.stringify({ name: "Mallory" });
    const noOrigin = await test.send("POST", "/class/api/join", body, { "content-type": "application/json" });
    expect(noOrigin.status).toBe(403);
    const otherSite = await test.send("POST", "/class/api/join", body, { origin: "http://evil.example", "content-type": "application/json" });
    expect(otherSite.status).toBe(403);
    const crossSite = await test.post("/class/api/join", { name: "Mallory" }, { "sec-fetch-site": "cross-site" });
    expect(crossSite.status).toBe(403);
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const form = await test.send("POST", "/class/api/join", body, { origin: test.origin, "content-type": type });
      expect(form.status, type).toBe(415);
    }
    expect((await test.send("GET", "/class/api/join")).status).toBe(405);
    expect(test.classServer.state.rows()).toEqual([]);
  });

  it("refuses a body over the limit, malformed JSON and malformed events", async () => {
    const test = await start();
    const big = await test.send("POST", "/class/api/join", JSON.stringify({ name: "x".repeat(20_000) }), {
      origin: test.origin,
      "content-type": "application/json",
    });
    expect(big.status).toBe(413);
    const notJson = await test.send("POST", "/class/api/join", "{name:", { origin: test.origin, "content-type": "application/json" });
    expect(notJson.status).toBe(400);
    const me = await test.join("Valid");
    const malformed = [
      { student: me.student, key: me.key, events: [] },
      { student: me.student, key: me.key, events: [{ seq: 0, at: new Date().toISOString(), event: { type: "position", exercise: "a", step: "b" } }] },
      { student: me.student, key: me.key, events: [{ seq: 1, at: "yesterday", event: { type: "position", exercise: "a", step: "b" } }] },
      { student: me.student, key: me.key, events: [{ seq: 1, at: new Date().toISOString(), event: { type: "terminal", text: "rm -rf /" } }] },
      { student: me.student, key: me.key, events: [{ seq: 1, at: new Date().toISOString(), event: { type: "position", exercise: "<script>", step: "b" } }] },
      { student: me.student, key: me.key, events: [event(1)], extra: true },
      // Challenge events name a challenge by id, and a hint by its number from 1.
      { student: me.student, key: me.key, events: [{ seq: 1, at: new Date().toISOString(), event: { type: "solution-shown", exercise: "a", step: "b" } }] },
      { student: me.student, key: me.key, events: [{ seq: 1, at: new Date().toISOString(), event: { type: "challenge-solved", challenge: "<b>x</b>" } }] },
      { student: me.student, key: me.key, events: [{ seq: 1, at: new Date().toISOString(), event: { type: "challenge-hint", challenge: "own-proc", hint: 0 } }] },
      { student: me.student, key: me.key, events: [{ seq: 1, at: new Date().toISOString(), event: { type: "challenge-hint", challenge: "own-proc", hint: 1.5 } }] },
      { student: me.student, key: me.key, events: [{ seq: 1, at: new Date().toISOString(), event: { type: "challenge", exercise: "a", step: "b", passed: true } }] },
    ];
    for (const body of malformed) expect((await test.post("/class/api/events", body)).status, JSON.stringify(body)).toBe(400);
    expect(test.classServer.state.eventCount()).toBe(0);
  });

  it("refuses unknown students and wrong keys", async () => {
    const test = await start();
    const me = await test.join("Real");
    const unknown = await test.post("/class/api/events", { student: "s-0123456789abcdef", key: me.key, events: [event(1)] });
    expect(unknown.status).toBe(404);
    const wrongKey = await test.post("/class/api/events", { student: me.student, key: "0".repeat(32), events: [event(1)] });
    expect(wrongKey.status).toBe(403);
    expect(test.classServer.state.eventCount()).toBe(0);
  });

  it("limits a flooding student without affecting the others", async () => {
    const test = await start({ studentRate: { capacity: 5, perSecond: 0.5 } });
    const flood = await test.join("Flood");
    const calm = await test.join("Calm");
    const statuses: number[] = [];
    for (let seq = 1; seq <= 12; seq++) statuses.push((await test.post("/class/api/events", { student: flood.student, key: flood.key, events: [event(seq)] })).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    expect((await test.post("/class/api/events", { student: calm.student, key: calm.key, events: [event(1)] })).status).toBe(200);
    expect((await test.send("GET", "/")).status).toBe(200);
  });

  it("cleans names with markup and control characters, and refuses names with nothing readable", async () => {
    const test = await start();
    expect((await test.join("<b>Bob</b>\u0007\u202e  Smith\n")).name).toBe("bBob/b Smith");
    expect((await test.join("  김철수  ")).name).toBe("김철수");
    expect((await test.post("/class/api/join", { name: "<>\u0000  " })).status).toBe(400);
    expect((await test.post("/class/api/join", { name: 42 })).status).toBe(400);
  });
});
