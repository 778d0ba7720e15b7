// The shape of the two kinds of front matter, as zod schemas:
//   exercise.md  - the language-neutral part: steps, their commands, checks, solutions and questions.
//   <locale>.md  - one language's texts: title, summary, a label and a hint per check, question prompts.
// loader.ts turns zod's issues into messages that name the file, the line and the field.
import { z } from "zod";
import { mistakesSchema } from "./mistakes.ts";
import { ID_PATTERN } from "./sections.ts";
import { LEARNER_TERMINALS } from "./terminal-parts.ts";

export const NAMESPACE_TYPES = ["cgroup", "ipc", "mnt", "net", "pid", "pid_for_children", "time", "user", "uts"] as const;
export const CHECK_KINDS = ["shell", "file", "process"] as const;

/** Default time a check or an answer script may run in the guest (the emulator is slow). */
export const DEFAULT_CHECK_TIMEOUT_MS = 15_000;

const id = z.string().regex(ID_PATTERN, "must be lowercase words joined by hyphens, starting with a letter (e.g. find-the-process)");

/** A JavaScript regular expression, compiled with the `m` flag so ^ and $ match at every line. */
const pattern = z.string().superRefine((value, ctx) => {
  try {
    new RegExp(value, "m");
  } catch (error) {
    ctx.addIssue({ code: "custom", message: `is not a valid regular expression: ${(error as Error).message}` });
  }
});

const absolutePath = z.string().regex(/^\/\S*$/, "must be an absolute path without spaces (e.g. /tmp/jail)");
const timeoutMs = z.number().int().min(100).max(120_000).optional();
const script = z.string().trim().min(1, "must not be empty");

/**
 * Read-only probes that recognise a specific mistake when the check fails, by id: a probe that exits 0
 * shows its own hint (from the locale files) in place of the check's generic one.
 */
const hintchecks = z.record(id, script).optional();

export const expectationSchema = z.strictObject({
  exitCode: z.number().int().min(0).max(255).optional(),
  stdout: pattern.optional(),
  stderr: pattern.optional(),
});

const shellCheck = z.strictObject({
  kind: z.literal("shell"),
  run: script,
  /** Default: exit code 0. */
  expect: expectationSchema.optional(),
  hintchecks,
  timeoutMs,
});

const fileCheck = z
  .strictObject({
    kind: z.literal("file"),
    path: absolutePath,
    /** Default true; false: the check passes while the path does not exist. */
    exists: z.boolean().optional(),
    /** The file's content must match this pattern. */
    matches: pattern.optional(),
    hintchecks,
    timeoutMs,
  })
  .refine((check) => !(check.exists === false && check.matches !== undefined), {
    message: "`matches` cannot be combined with `exists: false`",
    path: ["matches"],
  });

const processCheck = z
  .strictObject({
    kind: z.literal("process"),
    /** Pattern for the command name (/proc/PID/comm), e.g. ^sleep$. */
    comm: pattern.optional(),
    /** Pattern for the command line, arguments joined by spaces (/proc/PID/cmdline). */
    args: pattern.optional(),
    /** For each namespace type: `new` (differs from PID 1's) or `host` (the same as PID 1's). */
    namespaces: z.partialRecord(z.enum(NAMESPACE_TYPES), z.enum(["new", "host"])).optional(),
    /** The process's root directory as the host sees it (readlink /proc/PID/root), e.g. /tmp/jail. */
    root: absolutePath.optional(),
    /** The process's PID inside its own PID namespace (the last NSpid field), e.g. 1. */
    nsPid: z.number().int().positive().optional(),
    /** Pattern for the process's cgroup path (/proc/PID/cgroup), e.g. ^/demo$. */
    cgroup: pattern.optional(),
    /** The learner's terminal (1, 2 or 3) the process must run in: its controlling terminal. */
    terminal: z.number().int().min(1).max(LEARNER_TERMINALS).optional(),
    hintchecks,
    timeoutMs,
  })
  .refine(
    (check) =>
      [check.comm, check.args, check.namespaces, check.root, check.nsPid, check.cgroup].some((v) => v !== undefined),
    { message: "a process check needs at least one of comm, args, namespaces, root, nsPid, cgroup" },
  );

export const checkSchema = z.discriminatedUnion("kind", [shellCheck, fileCheck, processCheck]);
export type CheckSpec = z.infer<typeof checkSchema>;

const questionSchema = z.strictObject({
  /** A read-only script that prints every accepted answer, one per line (its exit code is ignored). */
  answer: script,
  /** text: case and extra spaces do not matter; number: compared as numbers. Default text. */
  compare: z.enum(["text", "number"]).optional(),
  tolerance: z.number().nonnegative().optional(),
  timeoutMs,
  /** Plausible wrong answers; the guest tier proves each is refused. */
  mistakes: z
    .array(z.strictObject({ why: z.string().trim().min(1, "must not be empty"), answer: z.string().trim().min(1, "must not be empty") }))
    .min(1, "list at least one mistake, or leave the field out")
    .optional(),
});

const stepSchema = z
  .strictObject({
    id,
    /** Commands the learner can click to paste into the terminal, by id (placed with {{command ID}}). */
    commands: z.record(id, script).optional(),
    /** Read-only checks, by id; the step is done when all pass. */
    checks: z.record(id, checkSchema).optional(),
    /** What a learner would type to reach the step's goal; the tests type it into the console. */
    solution: script,
    /** Plausible wrong attempts; the guest tier proves the checks still fail after each (mistakes.ts). */
    mistakes: mistakesSchema.optional(),
    question: questionSchema.optional(),
  })
  .refine((step) => Object.keys(step.checks ?? {}).length > 0 || step.question !== undefined, {
    message: "a step needs at least one check or a question, so the learner can verify it in the guest",
    path: ["checks"],
  });

export const sharedFrontMatterSchema = z.strictObject({
  /** Rough time a learner needs, shown in the exercise list. */
  minutes: z.number().int().positive().optional(),
  steps: z.array(stepSchema).min(1, "an exercise needs at least one step"),
});
export type SharedFrontMatter = z.infer<typeof sharedFrontMatterSchema>;

const text = z.string().trim().min(1, "must not be empty");

export const localeFrontMatterSchema = z.strictObject({
  title: text,
  /** One or two sentences for the exercise list. */
  summary: text,
  /**
   * Per step id: a label and a hint per check id, the question's prompt and hint, and optionally what a
   * wrong answer is told (instead of the lab's "Look again in the terminal", which suits questions
   * answered by reading the terminal, not reasoning questions).
   */
  steps: z
    .record(
      id,
      z.strictObject({
        checks: z
          .record(
            id,
            /** `hints`: per hintcheck id of the check, the hint to show when that mistake is recognised. */
            z.strictObject({ label: text, hint: text, hints: z.record(id, text).optional() }),
          )
          .optional(),
        question: z.strictObject({ prompt: text, hint: text, wrong: text.optional() }).optional(),
      }),
    )
    .optional(),
});
export type LocaleFrontMatter = z.infer<typeof localeFrontMatterSchema>;
