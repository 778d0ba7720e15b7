import { describe, expect, it } from "vitest";
import { FreshMemoryZeroing, SETUP_WRITES_END } from "../../src/vm/fresh-memory-zeroing.ts";

const MIB = 0x10_0000;
type ZeroMemory = (address: number, length: number) => void;

function exportsRecordingZeroing(): { exports: WebAssembly.Exports; zeroed: [number, number][] } {
  const zeroed: [number, number][] = [];
  const exports = { memory: "the memory", zero_memory: (address: number, length: number) => void zeroed.push([address, length]) };
  return { exports: exports as unknown as WebAssembly.Exports, zeroed };
}

describe("zeroing a new machine's memory for a restore", () => {
  it("zeroes only what v86 wrote while setting the machine up, until the guest has run", () => {
    const { exports, zeroed } = exportsRecordingZeroing();
    const wrapped = new FreshMemoryZeroing().wrap(exports);
    expect(wrapped.memory).toBe("the memory");
    const zero = wrapped.zero_memory as ZeroMemory;
    zero(0, 128 * MIB);
    zero(4 * MIB, 4096);
    expect(zeroed).toEqual([[0, SETUP_WRITES_END]]);
  });

  it("zeroes everything asked once the guest has run (its memory is no longer fresh)", () => {
    const { exports, zeroed } = exportsRecordingZeroing();
    const zeroing = new FreshMemoryZeroing();
    const wrapped = zeroing.wrap(exports);
    zeroing.ran();
    const zero = wrapped.zero_memory as ZeroMemory;
    zero(0, 128 * MIB);
    zero(4 * MIB, 4096);
    expect(zeroed).toEqual([
      [0, 128 * MIB],
      [4 * MIB, 4096],
    ]);
  });

  it("leaves exports without zero_memory as they are", () => {
    const exports = { memory: "the memory" } as unknown as WebAssembly.Exports;
    expect(new FreshMemoryZeroing().wrap(exports)).toBe(exports);
  });
});
