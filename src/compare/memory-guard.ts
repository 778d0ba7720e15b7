// Whether this device can hold a second VM. A second 128 MiB guest adds ~160 MB to the page (the guest's
// RAM, v86's buffers, a terminal); a tab that runs out of memory is killed with everything in it, the
// learner's first machine included, so refuse up front where the browser says the device is small.
// The browser's figures are coarse (navigator.deviceMemory is rounded and capped at 8 GB;
// performance.memory exists in Chromium only and counts only the JavaScript heap), so the rule is
// simple: refuse below 2 GB of device memory, or when the JavaScript heap is already nearly full.

export interface MemoryFacts {
  /** navigator.deviceMemory, in GB, where the browser tells it. */
  readonly deviceMemoryGb?: number;
  /** performance.memory (Chromium), in bytes. */
  readonly heapUsed?: number;
  readonly heapLimit?: number;
}

export type MemoryVerdict =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: "small-device"; readonly deviceMemoryGb: number }
  | { readonly allowed: false; readonly reason: "heap-full"; readonly heapUsed: number; readonly heapLimit: number };

export const MIN_DEVICE_MEMORY_GB = 2;
/** Refuse when the JavaScript heap is fuller than this: the page itself is already short of memory. */
export const MAX_HEAP_FRACTION = 0.8;

export function secondVmVerdict(facts: MemoryFacts): MemoryVerdict {
  if (facts.deviceMemoryGb !== undefined && facts.deviceMemoryGb < MIN_DEVICE_MEMORY_GB) {
    return { allowed: false, reason: "small-device", deviceMemoryGb: facts.deviceMemoryGb };
  }
  if (facts.heapUsed !== undefined && facts.heapLimit !== undefined && facts.heapLimit > 0) {
    if (facts.heapUsed > facts.heapLimit * MAX_HEAP_FRACTION) {
      return { allowed: false, reason: "heap-full", heapUsed: facts.heapUsed, heapLimit: facts.heapLimit };
    }
  }
  return { allowed: true };
}

/** What this browser tells about its memory (nothing in Node, little outside Chromium). */
export function browserMemoryFacts(): MemoryFacts {
  const nav = (typeof navigator === "undefined" ? {} : navigator) as { deviceMemory?: unknown };
  const perf = (typeof performance === "undefined" ? {} : performance) as {
    memory?: { usedJSHeapSize?: unknown; jsHeapSizeLimit?: unknown };
  };
  const facts: { deviceMemoryGb?: number; heapUsed?: number; heapLimit?: number } = {};
  if (typeof nav.deviceMemory === "number") facts.deviceMemoryGb = nav.deviceMemory;
  const used = perf.memory?.usedJSHeapSize;
  const limit = perf.memory?.jsHeapSizeLimit;
  if (typeof used === "number" && typeof limit === "number") {
    facts.heapUsed = used;
    facts.heapLimit = limit;
  }
  return facts;
}
