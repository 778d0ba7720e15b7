// Small statistics for `npm run bench`: a figure measured several times is reported as its median and
// 95th percentile with every run, so a reader sees the spread as well as the middle.

export const round = (n: number): number => Math.round(n * 10) / 10;

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export interface Spread {
  readonly median: number;
  readonly p95: number;
  readonly runs: readonly number[];
}

export function spread(values: readonly number[]): Spread {
  return { median: round(percentile(values, 50)), p95: round(percentile(values, 95)), runs: values.map(round) };
}

/** How many times a varying figure is measured (BENCH_RUNS overrides the ten). */
export const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 10));
