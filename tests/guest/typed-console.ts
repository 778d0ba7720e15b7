// The learner's console as the guest tests drive it: text typed at the prompt, a transcript of what the
// console printed, and a way to wait until everything typed so far has run.
import type { VirtualMachine } from "../../src/vm/virtual-machine.ts";
import { waitUntil } from "./helpers.ts";

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class TypedConsole {
  private text = "";
  private lastOutput = 0;
  private markers = 0;

  constructor(private readonly vm: VirtualMachine) {
    vm.events.on("console", (bytes) => {
      this.lastOutput = performance.now();
      this.text = (this.text + new TextDecoder().decode(bytes)).slice(-20_000);
    });
  }

  /** The last few thousand characters the console printed. */
  transcript(chars = 3000): string {
    return this.text.slice(-chars);
  }

  /** Types a script at the prompt, as a learner would (lines end with Enter). */
  type(script: string): void {
    this.vm.sendConsole(`${script}\n`);
  }

  /**
   * Waits until the shell has run everything typed before (it prints a marker only then: the typed
   * text itself echoes as `$((…))`, not as the number), and the console has been quiet for a while.
   */
  async settled(timeoutMs = 90_000): Promise<void> {
    this.markers++;
    const marker = `${this.markers + 1000}-settled`;
    this.vm.sendConsole(`echo $((${this.markers} + 1000))-settled\n`);
    await waitUntil(() => this.text.includes(marker), timeoutMs, `the console to run what was typed before ${marker}`);
    const deadline = performance.now() + 30_000;
    while (performance.now() - this.lastOutput < 800 && performance.now() < deadline) await sleep(100);
  }
}
