// Moving progress between machines as a file: what is exported reads back, other and damaged files are
// refused with a reason, and importing merges so that no step done on either side is lost.
import { describe, expect, it } from "vitest";
import { EMPTY_PROGRESS, reconcileProgress, withStepDone, type Progress } from "../../src/course/progress.ts";
import { countDone, mergeProgress } from "../../src/course/progress.ts";
import { encodeProgressFile, parseProgressFile, ProgressFileError } from "../../src/saved/progress-file.ts";

const at = (iso: string): Date => new Date(iso);

const sample: Progress = {
  locale: "ko",
  position: { view: "step", exercise: "chroot", step: 1 },
  done: { chroot: ["build-rootfs"], pid: ["unshare"] },
  answers: { "chroot/enter": "42" },
  doneAt: { "chroot/build-rootfs": "2026-03-01T09:00:00.000Z", "pid/unshare": "2026-03-01T09:30:00.000Z" },
};

function refusal(text: string): string {
  return refusalOf(text).message;
}

function refusalOf(text: string): ProgressFileError {
  try {
    parseProgressFile(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ProgressFileError);
    return error as ProgressFileError;
  }
  throw new Error("the file was accepted");
}

describe("progress file", () => {
  it("reads back what it exported", () => {
    const text = encodeProgressFile(sample, at("2026-03-02T10:00:00Z"));
    expect(JSON.parse(text)).toMatchObject({ kind: "isolation-lab-progress", format: 1, exportedAt: "2026-03-02T10:00:00.000Z" });
    expect(parseProgressFile(text)).toEqual(sample);
  });

  it("refuses files that are not progress files, naming the problem", () => {
    expect(refusal("not json at all")).toMatch(/not an Isolation Lab progress file/);
    expect(refusal('{"hello": 1}')).toMatch(/not an Isolation Lab progress file/);
    expect(refusal("[1,2]")).toMatch(/not an Isolation Lab progress file/);
  });

  it("refuses a newer format and damaged progress", () => {
    expect(refusal('{"kind":"isolation-lab-progress","format":2,"progress":{}}')).toMatch(/format 2/);
    expect(refusal('{"kind":"isolation-lab-progress","format":1,"progress":{"version":1,"done":"x"}}')).toMatch(/damaged/);
    expect(refusal('{"kind":"isolation-lab-progress","format":1}')).toMatch(/damaged/);
  });

  it("says what is wrong as a kind, for the page to act on", () => {
    expect(refusalOf("not json at all").kind).toBe("not-progress");
    expect(refusalOf('{"hello": 1}').kind).toBe("not-progress");
    expect(refusalOf('{"kind":"isolation-lab-progress","format":2,"progress":{}}').kind).toBe("unsupported-format");
    expect(refusalOf('{"kind":"isolation-lab-progress","format":1}').kind).toBe("damaged");
  });
});

describe("mergeProgress", () => {
  it("keeps every step done on either side, the earlier time, and the imported position", () => {
    const here: Progress = {
      position: { view: "overview" },
      done: { chroot: ["build-rootfs", "escape"] },
      answers: { "chroot/enter": "41", "chroot/escape": "yes" },
      doneAt: { "chroot/build-rootfs": "2026-03-01T08:00:00.000Z", "chroot/escape": "2026-03-01T08:10:00.000Z" },
    };
    const merged = mergeProgress(here, sample);
    expect(merged.done).toEqual({ chroot: ["build-rootfs", "escape"], pid: ["unshare"] });
    expect(merged.doneAt).toEqual({
      "chroot/build-rootfs": "2026-03-01T08:00:00.000Z",
      "chroot/escape": "2026-03-01T08:10:00.000Z",
      "pid/unshare": "2026-03-01T09:30:00.000Z",
    });
    expect(merged.answers).toEqual({ "chroot/enter": "42", "chroot/escape": "yes" });
    expect(merged.position).toEqual(sample.position);
    expect(merged.locale).toBe("ko");
    expect(countDone(merged)).toBe(3);
  });

  it("merged with the course drops what the course does not have", () => {
    const merged = reconcileProgress(mergeProgress(EMPTY_PROGRESS, sample), new Map([["chroot", ["build-rootfs"]]]));
    expect(merged.done).toEqual({ chroot: ["build-rootfs"] });
    expect(merged.doneAt).toEqual({ "chroot/build-rootfs": "2026-03-01T09:00:00.000Z" });
    expect(merged.position).toEqual({ view: "overview" });
  });

  it("records when a step was done", () => {
    const done = withStepDone(EMPTY_PROGRESS, "chroot", "enter", at("2026-03-01T12:00:00Z"));
    expect(done.doneAt).toEqual({ "chroot/enter": "2026-03-01T12:00:00.000Z" });
  });
});
