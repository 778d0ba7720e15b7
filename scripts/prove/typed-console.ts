// A learner's terminal as the guest tier and the pack prover drive it: text typed at the prompt, a
// transcript of what the shell printed, and a way to wait until everything typed so far has run.
// Terminal 1 is the console (ttyS0); terminals 2 and 3 are the login shells on ttyS2 and ttyS3.
import { terminalPort } from "../../src/exercises/terminal-parts.ts";
import { isShellPort } from "../../src/vm/emulator-protocol.ts";
import type { VirtualMachine } from "../../src/vm/virtual-machine.ts";

/** CSI sequences (`ESC [ ... letter`): bash's colours and bracketed-paste switches, noise in a failure message. */
const TERMINAL_ESCAPE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, "g");

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class TypedConsole {
  private text = "";
  private lastOutput = 0;
  private markers = 0;

  private readonly port: number;

  constructor(
    private readonly vm: VirtualMachine,
    readonly terminal = 1,
  ) {
    this.port = terminalPort(terminal);
    const printed = (bytes: Uint8Array): void => {
      this.lastOutput = performance.now();
      this.text = (this.text + new TextDecoder().decode(bytes)).slice(-20_000);
    };
    if (this.port === 0) vm.events.on("console", printed);
    else {
      if (!isShellPort(this.port) || !vm.shellPorts.includes(this.port)) throw new Error(`this machine has no terminal ${terminal} (no shell on ttyS${this.port})`);
      vm.events.on("line", ({ port, bytes }) => {
        if (port === this.port) printed(bytes);
      });
    }
  }

  private send(text: string): void {
    if (this.port === 0) this.vm.sendConsole(text);
    else this.vm.sendLine(this.port, text);
  }

  /** The last few thousand characters the console printed, without its colour and mode escapes. */
  transcript(chars = 3000): string {
    return this.text.slice(-chars).replace(TERMINAL_ESCAPE, "");
  }

  /** Types a script at the prompt, as a learner would (lines end with Enter). */
  type(script: string): void {
    this.send(`${script}\n`);
  }

  /**
   * Waits until the shell has run everything typed before (it prints a marker only then: the typed
   * text itself echoes as `$((…))`, not as the number), and the console has been quiet for a while.
   * Typing runs at the emulated serial line's pace, and a throttled loop takes its time: minutes.
   */
  async settled(what = "what was typed", timeoutMs = 180_000): Promise<void> {
    this.markers++;
    const marker = `${this.markers + 1000}-settled`;
    this.send(`echo $((${this.markers} + 1000))-settled\n`);
    const deadline = performance.now() + timeoutMs;
    while (!this.text.includes(marker)) {
      if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for the console to run ${what}`);
      await sleep(100);
    }
    const quietBy = performance.now() + 30_000;
    while (performance.now() - this.lastOutput < 800 && performance.now() < quietBy) await sleep(100);
  }
}
