// Property-based tests (fast-check) for every decoder that takes outside bytes: random and mutated input
// ends in a result or in the typed error the page explains, never in another exception, and never in an
// allocation larger than the input justifies. A seed that finds a bug is kept as its own example test.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseProgress } from "../../src/course/progress.ts";
import { loadExercises, type ContentFile } from "../../src/exercises/loader.ts";
import { decodeMachine, encodeMachine, MachineFileError } from "../../src/saved/machine-envelope.ts";
import { parseProgressFile, ProgressFileError } from "../../src/saved/progress-file.ts";
import { base64ToBytes, bytesToBase64, decodeFrame, encodeRequest, FRAME_PREFIX, LineSplitter } from "../../src/vm/agent-protocol.ts";
import { ManifestError, parseManifest } from "../../src/vm/manifest.ts";

const RUNS = { numRuns: 300 };

/** Random edits of a valid text: characters replaced, inserted, removed; lines duplicated or dropped. */
function mutated(text: string): fc.Arbitrary<string> {
  const edit = fc.oneof(
    fc.record({ at: fc.nat(), remove: fc.nat({ max: 8 }), insert: fc.string({ maxLength: 8, unit: "binary" }) }).map(
      (e) => (s: string) => {
        const at = s.length === 0 ? 0 : e.at % s.length;
        return s.slice(0, at) + e.insert + s.slice(at + e.remove);
      },
    ),
    fc.nat().map((n) => (s: string) => {
      const lines = s.split("\n");
      const at = n % Math.max(1, lines.length);
      return [...lines.slice(0, at), lines[at] ?? "", ...lines.slice(at)].join("\n");
    }),
    fc.nat().map((n) => (s: string) => {
      const lines = s.split("\n");
      lines.splice(n % Math.max(1, lines.length), 1);
      return lines.join("\n");
    }),
  );
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => edits.reduce((s, f) => f(s), text));
}

describe("agent frames", () => {
  it("decodeFrame answers any line with a well-formed frame or undefined", () => {
    const line = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.string({ unit: "binary" }).map((s) => FRAME_PREFIX + s),
      fc.tuple(fc.constantFrom("READY", "OUT", "EXIT", "X"), fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 })).map(
        ([verb, args]) => `${FRAME_PREFIX}${[verb, ...args].join(" ")}`,
      ),
    );
    fc.assert(
      fc.property(line, (text) => {
        const frame = decodeFrame(text);
        if (frame?.kind === "output") expect(frame.data.length).toBeLessThanOrEqual(text.length);
        if (frame?.kind === "exit") expect(Number.isInteger(frame.status) && Number.isInteger(frame.signal)).toBe(true);
      }),
      RUNS,
    );
  });

  it("base64 round-trips any bytes, and rejects what is not base64 without throwing", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (text) => {
        const bytes = base64ToBytes(text);
        if (bytes) expect(bytes.length).toBeLessThanOrEqual(text.length);
      }),
      RUNS,
    );
  });

  it("an output frame carries exactly the bytes the agent encoded, however the stream is cut", () => {
    fc.assert(
      // The agent sends an OUT frame only for output it read (at least one byte).
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), fc.array(fc.nat({ max: 400 }), { maxLength: 5 }), (data, cuts) => {
        const wire = new TextEncoder().encode(`noise\r\n${FRAME_PREFIX}OUT abc 1 ${bytesToBase64(data)}\r\n`);
        const splitter = new LineSplitter();
        const points = [...new Set(cuts.map((c) => c % (wire.length + 1)))].sort((a, b) => a - b);
        const lines: string[] = [];
        let from = 0;
        for (const to of [...points, wire.length]) {
          lines.push(...splitter.push(wire.subarray(from, to)));
          from = to;
        }
        const frames = lines.map(decodeFrame).filter((f) => f !== undefined);
        expect(frames).toEqual([{ kind: "output", id: "abc", fd: 1, data }]);
      }),
      RUNS,
    );
  });

  it("encodeRequest refuses an id that would break the line format", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 70 }), (id) => {
        let line: string | undefined;
        try {
          line = encodeRequest({ kind: "ping", id });
        } catch (error) {
          expect((error as Error).message).toMatch(/invalid agent request id/);
          return;
        }
        expect(line).toBe(`P ${id}\n`);
        expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      }),
      RUNS,
    );
  });
});

describe("saved machine files", () => {
  const state = new Uint8Array(3000);
  new DataView(state.buffer).setUint32(0, 0x86768676, true);
  const origin = { v86Version: "0.5.462", machine: "{}", inputsKey: "k" };
  const valid = encodeMachine({ state: state.buffer, origin, savedAt: new Date("2026-03-01T10:00:00Z"), console: "$ " });

  async function decodesOrRefuses(bytes: Uint8Array): Promise<void> {
    try {
      const saved = await decodeMachine(bytes, 1_000_000);
      expect(saved.state.byteLength).toBeLessThanOrEqual(1_000_000);
    } catch (error) {
      expect(error).toBeInstanceOf(MachineFileError);
    }
  }

  it("random bytes, with or without the magic number, are refused as a MachineFileError", async () => {
    const magic = (await valid).subarray(0, 8);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.boolean(), async (bytes, withMagic) => {
        await decodesOrRefuses(withMagic ? new Uint8Array([...magic, ...bytes]) : bytes);
      }),
      { numRuns: 150 },
    );
  }, 30_000);

  it("a valid file with bytes flipped, cut or inserted decodes or is refused as a MachineFileError", async () => {
    const bytes = await valid;
    const edit = fc.record({ at: fc.nat({ max: bytes.length - 1 }), value: fc.integer({ min: 0, max: 255 }), kind: fc.constantFrom("flip", "cut", "insert") });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        let out = bytes.slice();
        for (const e of edits) {
          const at = e.at % Math.max(1, out.length);
          if (e.kind === "flip") out[at] = e.value;
          else if (e.kind === "cut") out = out.slice(0, at);
          else out = new Uint8Array([...out.subarray(0, at), e.value, ...out.subarray(at)]);
        }
        await decodesOrRefuses(out);
      }),
      { numRuns: 150 },
    );
  }, 30_000);
});

describe("progress", () => {
  const stored = JSON.stringify({
    version: 1,
    locale: "ko",
    position: { view: "step", exercise: "chroot", step: 1 },
    done: { chroot: ["build-rootfs"] },
    answers: { "chroot/enter": "42" },
    doneAt: { "chroot/build-rootfs": "2026-03-01T09:00:00.000Z" },
  });
  const file = JSON.stringify({ kind: "isolation-lab-progress", format: 1, exportedAt: "2026-03-02T10:00:00.000Z", progress: JSON.parse(stored) as unknown });

  it("stored progress: any text is read or reported as corrupt, never thrown", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), mutated(stored), fc.json()), (text) => {
        const parsed = parseProgress(text);
        expect(["ok", "corrupt"]).toContain(parsed.kind);
      }),
      RUNS,
    );
  });

  it("an imported progress file is read or refused as a ProgressFileError", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), mutated(file), fc.json()), (text) => {
        try {
          parseProgressFile(text);
        } catch (error) {
          expect(error).toBeInstanceOf(ProgressFileError);
        }
      }),
      RUNS,
    );
  });
});

describe("guest manifest", () => {
  it("any JSON is a manifest or a ManifestError naming what is wrong", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        try {
          parseManifest(json);
        } catch (error) {
          expect(error).toBeInstanceOf(ManifestError);
          expect((error as Error).message).toMatch(/^manifest\.json is not a valid guest manifest:\n {2}/);
        }
      }),
      RUNS,
    );
  });
});

describe("content packs", () => {
  const dir = path.resolve(import.meta.dirname, "../fixtures/content-packs/example-pack/01-hostname-box");
  const files: ContentFile[] = readdirSync(dir).map((name) => ({ path: `01-hostname-box/${name}`, text: readFileSync(path.join(dir, name), "utf8") }));

  it("a mutated exercise folder loads or is reported with file and line, never thrown", () => {
    expect(loadExercises(files).problems).toEqual([]);
    fc.assert(
      fc.property(fc.nat({ max: files.length - 1 }).chain((which) => fc.tuple(fc.constant(which), mutated(files[which]!.text))), ([which, text]) => {
        const edited = files.map((f, i) => (i === which ? { ...f, text } : f));
        const result = loadExercises(edited, { displayRoot: "pack/" });
        for (const problem of result.problems) {
          expect(problem.file).toMatch(/^pack\/01-hostname-box\//);
          if (problem.line !== undefined) expect(problem.line).toBeGreaterThan(0);
        }
        expect(result.exercises.length + Math.min(1, result.problems.length)).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
