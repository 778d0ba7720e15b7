// What a screen reader hears about a run of a step's checks. Checks run every few seconds, so only news
// is spoken: more checks passing than before, a check that passed and no longer does, and the whole
// result when the learner pressed "Check now". The first run of a step says nothing unasked.
import type { CheckResult } from "../exercises/check-runner.ts";
import type { AccessMessages } from "../i18n/access-messages.ts";

/** A check's label as speech: Markdown's code and emphasis marks are not read out. */
function spoken(label: string): string {
  return label.replace(/[`*]/g, "");
}

export function checkAnnouncement(
  previous: readonly CheckResult[] | undefined,
  next: readonly CheckResult[],
  labels: ReadonlyMap<string, string>,
  requested: boolean,
  a: AccessMessages,
): string | undefined {
  const label = (result: CheckResult): string => spoken(labels.get(result.id) ?? result.label ?? result.id);
  const passed = next.filter((r) => r.passed).length;
  if (requested) {
    const failing = next.filter((r) => !r.passed).map(label);
    return failing.length === 0 ? a.checksPassed(passed, next.length) : `${a.checksPassed(passed, next.length)} ${a.checkNowFailed(failing.join("; "))}`;
  }
  if (!previous) return undefined;
  const wasPassed = new Set(previous.filter((r) => r.passed).map((r) => r.id));
  const lost = next.filter((r) => !r.passed && wasPassed.has(r.id)).map((r) => a.checkFailed(label(r)));
  const gained = passed > wasPassed.size ? [a.checksPassed(passed, next.length)] : [];
  const news = [...gained, ...lost];
  return news.length > 0 ? news.join(" ") : undefined;
}
