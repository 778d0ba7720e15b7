// The goals of issue 13 next to what `npm run bench` measured, each with a verdict, as a Markdown table
// (printed, and written into the README with --readme). A figure that could not be measured says so.

export interface GoalRow {
  readonly what: string;
  readonly measured: string;
  readonly goal: string;
  readonly verdict: "met" | "missed" | "-";
}

type Maybe = number | undefined;

const ms = (n: Maybe): string => (n === undefined || Number.isNaN(n) ? "n/a" : n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${Math.round(n)} ms`);
const pct = (n: Maybe): string => (n === undefined ? "n/a" : `${n.toFixed(1)} %`);
const mb = (n: Maybe): string => (n === undefined ? "n/a" : `${n.toFixed(1)} MB`);

function verdict(...checks: (boolean | undefined)[]): GoalRow["verdict"] {
  if (checks.some((c) => c === undefined)) return "-";
  return checks.every(Boolean) ? "met" : "missed";
}

const atMost = (value: Maybe, limit: number): boolean | undefined => (value === undefined || Number.isNaN(value) ? undefined : value <= limit);

export interface GoalInputs {
  readonly reload?: { median: number; p95: number; readyMedian: number };
  readonly firstVisit?: { median: number; p95: number };
  readonly coldBoot?: { median: number; p95: number };
  readonly firstLoadBytes?: number;
  readonly agent?: { median: number; p95: number };
  readonly idle?: { workerPercent: number; mainThreadPercent: number };
  readonly echoIdle?: { median: number; p95: number };
  readonly echoBusy?: { median: number; p95: number };
  readonly longTasksPerMinute?: number;
  readonly secondBoot?: { nextToFirst: number; alone: number };
  readonly echoWhileSecondBoots?: { median: number; alone: number };
  readonly memory?: { oneVm: number; twoVms: number };
}

export function goalRows(g: GoalInputs): GoalRow[] {
  const within20 = (value: Maybe, alone: Maybe): boolean | undefined =>
    value === undefined || alone === undefined ? undefined : value <= alone * 1.2;
  return [
    {
      what: "cached reload to an answering prompt (Chromium, service worker), median / p95",
      measured: g.reload ? `${ms(g.reload.median)} / ${ms(g.reload.p95)} (ready at ${ms(g.reload.readyMedian)})` : "n/a",
      goal: "≤ 500 ms / ≤ 800 ms",
      verdict: verdict(atMost(g.reload?.median, 500), atMost(g.reload?.p95, 800)),
    },
    {
      what: "first visit over loopback to an answering prompt, median / p95",
      measured: g.firstVisit ? `${ms(g.firstVisit.median)} / ${ms(g.firstVisit.p95)}` : "n/a",
      goal: "≤ 1.5 s",
      verdict: verdict(atMost(g.firstVisit?.median, 1500)),
    },
    {
      what: "cold boot to an answering prompt in Chromium, median / p95",
      measured: g.coldBoot ? `${ms(g.coldBoot.median)} / ${ms(g.coldBoot.p95)}` : "n/a",
      goal: "≤ 2.5 s",
      verdict: verdict(atMost(g.coldBoot?.median, 2500)),
    },
    {
      what: "first-load transfer (page, code, wasm, BIOS, snapshot and the /usr disk parts read by the first answer; as the server sends them)",
      measured: g.firstLoadBytes === undefined ? "n/a" : mb(g.firstLoadBytes / 1e6),
      goal: "≤ 6 MB",
      verdict: verdict(atMost(g.firstLoadBytes, 6e6)),
    },
    {
      what: "agent round trip (`true`), median / p95",
      measured: g.agent ? `${ms(g.agent.median)} / ${ms(g.agent.p95)}` : "n/a",
      goal: "≤ 15 ms / ≤ 40 ms",
      verdict: verdict(atMost(g.agent?.median, 15), atMost(g.agent?.p95, 40)),
    },
    {
      what: "idle guest: emulator worker / page main thread, share of a core",
      measured: g.idle ? `${pct(g.idle.workerPercent)} / ${pct(g.idle.mainThreadPercent)}` : "n/a",
      goal: "≤ 2 % / 0 %",
      // /proc counts CPU in 10 ms ticks: under 0.5 % of a core is 0 at that resolution.
      verdict: verdict(atMost(g.idle?.workerPercent, 2), atMost(g.idle?.mainThreadPercent, 0.5)),
    },
    {
      what: "keystroke to echo, guest idle, p50 / p95",
      measured: g.echoIdle ? `${ms(g.echoIdle.median)} / ${ms(g.echoIdle.p95)}` : "n/a",
      goal: "(learner saw 53-61 ms)",
      verdict: "-",
    },
    {
      what: "keystroke to echo, guest running a CPU-bound loop, p50 / p95",
      measured: g.echoBusy ? `${ms(g.echoBusy.median)} / ${ms(g.echoBusy.p95)}` : "n/a",
      goal: "-",
      verdict: "-",
    },
    {
      what: "main-thread long tasks (> 50 ms) per minute while the guest is busy",
      measured: g.longTasksPerMinute === undefined ? "n/a" : String(g.longTasksPerMinute),
      goal: "0",
      verdict: verdict(atMost(g.longTasksPerMinute, 0)),
    },
    {
      what: "second VM: cold boot to ready next to the first / alone",
      measured: g.secondBoot ? `${ms(g.secondBoot.nextToFirst)} / ${ms(g.secondBoot.alone)}` : "n/a",
      goal: "within 20 %",
      verdict: verdict(within20(g.secondBoot?.nextToFirst, g.secondBoot?.alone)),
    },
    {
      what: "VM 1's keystroke echo while VM 2 boots / alone, median",
      measured: g.echoWhileSecondBoots ? `${ms(g.echoWhileSecondBoots.median)} / ${ms(g.echoWhileSecondBoots.alone)}` : "n/a",
      goal: "within 20 %",
      verdict: verdict(within20(g.echoWhileSecondBoots?.median, g.echoWhileSecondBoots?.alone)),
    },
    {
      what: "the lab's renderer (page and its emulator workers), resident: one VM / two VMs",
      measured: g.memory ? `${mb(g.memory.oneVm)} / ${mb(g.memory.twoVms)}` : "n/a",
      goal: "≤ 250 MB / ≤ 400 MB",
      verdict: verdict(atMost(g.memory?.oneVm, 250), atMost(g.memory?.twoVms, 400)),
    },
  ];
}

export function markdownTable(rows: readonly GoalRow[]): string {
  const lines = ["| what | measured | goal | verdict |", "|---|---|---|---|"];
  for (const row of rows) lines.push(`| ${row.what} | ${row.measured} | ${row.goal} | ${row.verdict} |`);
  return lines.join("\n");
}
