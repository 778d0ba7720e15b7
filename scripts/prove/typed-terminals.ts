// The learner's terminals as the guest tier and the pack prover type into them: a solution or a
// mistake is cut at its `# terminal N` lines (src/exercises/terminal-parts.ts) and each run of lines
// is typed into its terminal, waiting until it has run before the next one starts, as a learner would.
import { terminalParts } from "../../src/exercises/terminal-parts.ts";
import type { VirtualMachine } from "../../src/vm/virtual-machine.ts";
import { TypedConsole } from "./typed-console.ts";

export class TypedTerminals {
  private readonly consoles = new Map<number, TypedConsole>();

  constructor(private readonly vm: VirtualMachine) {
    // Terminal 1 listens from the start: its transcript explains most failures.
    this.terminal(1);
  }

  private terminal(number: number): TypedConsole {
    let typed = this.consoles.get(number);
    if (!typed) {
      typed = new TypedConsole(this.vm, number);
      this.consoles.set(number, typed);
    }
    return typed;
  }

  /** Types the script part by part into the terminals it names; resolves once each part has run. */
  async type(script: string, what: string): Promise<void> {
    for (const part of terminalParts(script)) {
      const typed = this.terminal(part.terminal);
      typed.type(part.text.replace(/\n$/, ""));
      await typed.settled(`${what} (terminal ${part.terminal})`);
    }
  }

  /** Waits until every terminal typed into has run what it was given and gone quiet. */
  async settled(what: string): Promise<void> {
    for (const typed of this.consoles.values()) await typed.settled(what);
  }

  /** What each terminal printed last, terminal 1 first, labelled when there are several. */
  transcript(chars = 1500): string {
    if (this.consoles.size === 1) return this.terminal(1).transcript(chars);
    return [...this.consoles.values()].map((typed) => `--- terminal ${typed.terminal}:\n${typed.transcript(chars)}`).join("\n");
  }
}
