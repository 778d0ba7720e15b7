// Runs a step's checks in the guest and tells the learner which pass, with the hint of each that does
// not. Depends only on the GuestAgent interface, so tests drive it with a fake agent.
import type { AgentResult, GuestAgent } from "../vm/agent-client.ts";
import { AgentError } from "../vm/agent-errors.ts";
import { CHECK_PRELUDE, unmetExpectation } from "./checks.ts";
import { DEFAULT_LOCALE, type Locale } from "./locales.ts";
import { RUNNER_MESSAGES } from "./messages.ts";
import type { CheckExpectation, ExerciseQuestion } from "./model.ts";
import { errorText } from "../shared/error-text.ts";

/** What the runner needs of a check: a LessonCheck (model.ts) is one. */
export interface RunnableCheck {
  readonly id: string;
  readonly script: string;
  readonly expect: CheckExpectation;
  readonly timeoutMs: number;
  readonly label?: string;
  readonly hint?: string;
  /** Read-only probes tried in order when the check fails: the first that exits 0 names the hint to show. */
  readonly hintchecks?: readonly { readonly id: string; readonly script: string; readonly hint?: string }[];
}

export type CheckStatus =
  | "passed"
  /** The check ran and its result does not show what it must. */
  | "failed"
  /** The check did not finish in time. */
  | "timed-out"
  /** The check could not run (the agent restarted, the VM stopped, ...). */
  | "error";

export interface CheckResult {
  readonly id: string;
  readonly label?: string;
  readonly passed: boolean;
  readonly status: CheckStatus;
  /** The check's hint, for checks that did not pass: a targeted one when a hintcheck recognised the mistake. */
  readonly hint?: string;
  /** The id of the hintcheck that recognised the learner's mistake, if one did. */
  readonly recognised?: string;
  /** Why a check timed out or could not run (localized); undefined for passed and plainly failed checks. */
  readonly message?: string;
  /** For authors and logs: what differs from the expectation (English). */
  readonly detail?: string;
  readonly exitCode?: number;
  readonly stdout?: string;
  readonly stderr?: string;
  readonly durationMs: number;
}

export interface StepReport {
  /** True when every check passed (and there was at least one). */
  readonly passed: boolean;
  readonly results: readonly CheckResult[];
}

export interface RunChecksOptions {
  readonly signal?: AbortSignal;
  /** Language of the runner's own messages (default en). */
  readonly locale?: Locale;
  /** Stop at the first check that does not pass (the rest are not run). Default false. */
  readonly stopAtFirstFailure?: boolean;
}

/** Thrown when the caller aborted: the results would be meaningless, so there are none. */
export class ChecksAbortedError extends Error {
  override readonly name = "ChecksAbortedError";
  constructor() {
    super("The checks were cancelled.");
  }
}

const decoder = new TextDecoder();

/** The script the agent runs for a check or answer: the helpers, then the author's script. */
export function withPrelude(script: string): string {
  return `${CHECK_PRELUDE}\n${script}\n`;
}

type Outcome =
  | { readonly kind: "done"; readonly result: AgentResult }
  | { readonly kind: "timeout" }
  | { readonly kind: "error"; readonly reason: string };

/**
 * Runs a script with a deadline of our own as well as the agent's: a check that hangs is a failure
 * with a clear message, whatever the agent implementation does about its timeout.
 */
async function runWithDeadline(
  agent: GuestAgent,
  script: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<Outcome> {
  if (signal?.aborted) throw new ChecksAbortedError();
  const local = new AbortController();
  const onAbort = (): void => local.abort();
  signal?.addEventListener("abort", onAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => {
      local.abort();
      resolve({ kind: "timeout" });
    }, timeoutMs + 1000);
  });
  const aborted = new Promise<never>((_, reject) => {
    local.signal.addEventListener("abort", () => {
      if (signal?.aborted) reject(new ChecksAbortedError());
    });
  });
  const run = agent.run(withPrelude(script), { timeoutMs, signal: local.signal }).then(
    (result): Outcome => ({ kind: "done", result }),
    (error: unknown): Outcome => {
      if (error instanceof AgentError && error.kind === "timeout") return { kind: "timeout" };
      return { kind: "error", reason: errorText(error) };
    },
  );
  try {
    const outcome = await Promise.race([run, deadline, aborted]);
    if (signal?.aborted) throw new ChecksAbortedError();
    return outcome;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

/** Runs one check; never throws except when aborted. */
export async function runCheck(agent: GuestAgent, check: RunnableCheck, options: RunChecksOptions = {}): Promise<CheckResult> {
  const messages = RUNNER_MESSAGES[options.locale ?? DEFAULT_LOCALE];
  const started = performance.now();
  const outcome = await runWithDeadline(agent, check.script, check.timeoutMs, options.signal);
  const durationMs = performance.now() - started;
  const base = {
    id: check.id,
    ...(check.label !== undefined ? { label: check.label } : {}),
    durationMs,
  };
  const hint = check.hint !== undefined ? { hint: check.hint } : {};
  if (outcome.kind === "timeout") {
    const seconds = Math.round(check.timeoutMs / 100) / 10;
    return { ...base, ...hint, passed: false, status: "timed-out", message: messages.timedOut(seconds), detail: `timed out after ${check.timeoutMs} ms` };
  }
  if (outcome.kind === "error") {
    return { ...base, ...hint, passed: false, status: "error", message: messages.guestUnavailable(outcome.reason), detail: outcome.reason };
  }
  const { result } = outcome;
  const stdout = decoder.decode(result.stdout);
  const stderr = decoder.decode(result.stderr);
  const facts = { exitCode: result.exitCode, stdout, stderr };
  if (result.signal !== 0) {
    return { ...base, ...hint, ...facts, passed: false, status: "failed", message: messages.killed(result.signal), detail: `killed by signal ${result.signal}` };
  }
  const unmet = unmetExpectation(check.expect, facts);
  if (unmet !== undefined) {
    const targeted = await recognisedMistake(agent, check, options.signal);
    const shown = targeted ? { recognised: targeted.id, ...(targeted.hint !== undefined ? { hint: targeted.hint } : hint) } : hint;
    return { ...base, ...shown, ...facts, passed: false, status: "failed", detail: unmet };
  }
  return { ...base, ...facts, passed: true, status: "passed" };
}

/** The first of a failed check's hintchecks that recognises the learner's mistake (exits 0), if any. */
async function recognisedMistake(
  agent: GuestAgent,
  check: RunnableCheck,
  signal: AbortSignal | undefined,
): Promise<{ readonly id: string; readonly hint?: string } | undefined> {
  for (const probe of check.hintchecks ?? []) {
    const outcome = await runWithDeadline(agent, probe.script, check.timeoutMs, signal);
    if (outcome.kind === "done" && outcome.result.exitCode === 0 && outcome.result.signal === 0) return probe;
  }
  return undefined;
}

/** Runs a step's checks one after another (the guest has one slow CPU) and reports each. */
export async function runChecks(
  agent: GuestAgent,
  checks: readonly RunnableCheck[],
  options: RunChecksOptions = {},
): Promise<StepReport> {
  const results: CheckResult[] = [];
  for (const check of checks) {
    const result = await runCheck(agent, check, options);
    results.push(result);
    if (!result.passed && options.stopAtFirstFailure) break;
  }
  return { passed: results.length > 0 && results.length === checks.length && results.every((r) => r.passed), results };
}

// ---- questions ----------------------------------------------------------------------------------

export type AnswerStatus =
  | "correct"
  | "wrong"
  /** The learner's answer cannot be judged (empty, or not a number where one is expected). */
  | "invalid"
  /** The guest could not work out the expected answer (its script failed or printed nothing). */
  | "unavailable";

export interface AnswerResult {
  readonly correct: boolean;
  readonly status: AnswerStatus;
  /** Localized explanation for anything but a correct answer. */
  readonly message?: string;
  /** The question's hint, for a wrong answer. */
  readonly hint?: string;
}

export interface RunnableQuestion extends Omit<ExerciseQuestion, "mistakes"> {
  readonly hint?: string;
  /** What a wrong answer is told, written by the question's author; the lab's general words otherwise. */
  readonly wrong?: string;
}

export function normalizeText(value: string): string {
  return value.trim().replace(/\s+/g, " ").toLowerCase();
}

/** A number as a learner writes it: the number, perhaps the line's label before it and a unit or counter after it. */
export interface ParsedNumber {
  readonly value: number;
  /** What followed the number (`B`, `kB`, `개`, `바이트`), empty when nothing did. */
  readonly unit: string;
}

// "MemTotal:  515484 kB", "4개", "197 B", "197바이트", "1,024", "-3.5": an optional `label:` before the
// number, an optional word after it (letters of any script).
const NUMBER_ANSWER = /^(?:[^\d:+-][^:]*:\s*)?([-+]?(?:\d[\d,_]*\.?\d*|\.\d+))\s*(\p{L}{1,8})?\.?$/u;

export function parseNumberAnswer(value: string): ParsedNumber | undefined {
  const match = NUMBER_ANSWER.exec(value.trim());
  if (!match) return undefined;
  const digits = match[1]!.replace(/[,_]/g, "");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(digits)) return undefined;
  return { value: Number(digits), unit: match[2] ?? "" };
}

export function parseNumber(value: string): number | undefined {
  return parseNumberAnswer(value)?.value;
}

/** The accepted answers the guest printed, one per line. */
export function acceptedAnswers(stdout: string): string[] {
  return stdout.split("\n").map((line) => line.trim()).filter((line) => line.length > 0);
}

/**
 * Whether `answer` is one of `accepted` under the question's comparison. Text: case and spacing do not
 * matter, and the whole line a command prints counts when it ends in the answer after a `:` or `=`
 * (`0::/learner` for `/learner`). Number: a label before and a unit or counter after the number are
 * ignored (`MemTotal: 515484 kB`, `4개`, `197 B`).
 */
export function judgeAnswer(
  question: Pick<ExerciseQuestion, "compare" | "tolerance">,
  answer: string,
  accepted: readonly string[],
): boolean {
  if (question.compare === "number") {
    const given = parseNumber(answer);
    if (given === undefined) return false;
    return accepted.some((a) => {
      const n = parseNumber(a);
      return n !== undefined && Math.abs(n - given) <= question.tolerance;
    });
  }
  const given = normalizeText(answer);
  return accepted.some((a) => {
    const want = normalizeText(a);
    if (want === given) return true;
    if (!given.endsWith(want)) return false;
    return /[:=]\s*$/.test(given.slice(0, given.length - want.length));
  });
}

/** Asks the guest for the accepted answers right now and judges the learner's answer against them. */
export async function checkAnswer(
  agent: GuestAgent,
  question: RunnableQuestion,
  answer: string,
  options: Omit<RunChecksOptions, "stopAtFirstFailure"> = {},
): Promise<AnswerResult> {
  const messages = RUNNER_MESSAGES[options.locale ?? DEFAULT_LOCALE];
  if (!answer.trim()) return { correct: false, status: "invalid", message: messages.emptyAnswer };
  const number = question.compare === "number" ? parseNumberAnswer(answer) : undefined;
  if (question.compare === "number" && number === undefined) {
    return { correct: false, status: "invalid", message: messages.notANumber };
  }
  const outcome = await runWithDeadline(agent, question.answer, question.timeoutMs, options.signal);
  if (outcome.kind === "timeout") {
    return { correct: false, status: "unavailable", message: messages.timedOut(Math.round(question.timeoutMs / 100) / 10) };
  }
  if (outcome.kind === "error") return { correct: false, status: "unavailable", message: messages.guestUnavailable(outcome.reason) };
  // The exit code does not matter (a loop's last test often fails): what the script printed does.
  const accepted = acceptedAnswers(decoder.decode(outcome.result.stdout));
  if (accepted.length === 0) return { correct: false, status: "unavailable", message: messages.answerUnavailable };
  if (judgeAnswer(question, answer, accepted)) return { correct: true, status: "correct" };
  return {
    correct: false,
    status: "wrong",
    // The author's own words for a wrong answer first; else, a wrong number with a unit is often the right
    // amount in another unit: say which form is wanted.
    message: question.wrong ?? (number?.unit ? messages.wrongWithUnit(number.unit) : messages.wrongAnswer),
    ...(question.hint !== undefined ? { hint: question.hint } : {}),
  };
}
