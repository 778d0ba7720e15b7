// A solution or a mistake may be typed into more than one of the learner's terminals: a line
// `# terminal N` alone switches where the lines after it go (before any such line: terminal 1). To a
// learner who reads or pastes the script it is an ordinary shell comment that says where to type.
// Terminal N is the login shell on a fixed serial line (1: ttyS0, 2: ttyS2, 3: ttyS3; see
// src/terminal/terminal-layout.ts), which is also how checks find it (lab_in_terminal in checks.ts).

/** How many learner terminals the lab offers. */
export const LEARNER_TERMINALS = 3;

export interface TerminalPart {
  /** 1, 2 or 3. */
  readonly terminal: number;
  /** The lines typed there, ending with a newline. */
  readonly text: string;
}

/** The exact form of a switch; anything else that starts like one is a typing hazard (see checks.ts). */
const SWITCH = /^# terminal ([1-9])$/;
const LOOKS_LIKE_SWITCH = /^\s*#\s*terminal\b/i;

/** The serial port of terminal N: the console is ttyS0 and the agent has ttyS1. */
export const terminalPort = (terminal: number): number => (terminal === 1 ? 0 : terminal);

/** tty_nr in /proc/PID/stat of a process whose controlling terminal is serial port N: major 4, minor 64 + N. */
export const serialTtyNumber = (port: number): number => (4 << 8) | (64 + port);

/** The script cut into runs of lines per terminal, in order; empty runs are left out. */
export function terminalParts(script: string): TerminalPart[] {
  const parts: TerminalPart[] = [];
  let terminal = 1;
  let lines: string[] = [];
  const flush = (): void => {
    if (lines.some((line) => line.trim() !== "")) parts.push({ terminal, text: `${lines.join("\n")}\n` });
    lines = [];
  };
  for (const line of script.replace(/\n$/, "").split("\n")) {
    const match = SWITCH.exec(line.trimEnd());
    if (match) {
      flush();
      terminal = Number(match[1]);
    } else lines.push(line);
  }
  flush();
  return parts;
}

/** Problems with the script's terminal switches, for the content validator (empty when none). */
export function terminalSwitchProblems(script: string): string[] {
  const problems: string[] = [];
  for (const line of script.split("\n")) {
    if (!LOOKS_LIKE_SWITCH.test(line)) continue;
    const match = SWITCH.exec(line.trimEnd());
    if (!match) {
      problems.push(`"${line.trim()}" looks like a switch to another terminal: write \`# terminal N\` alone on its line`);
    } else if (Number(match[1]) > LEARNER_TERMINALS) {
      problems.push(`"${line.trim()}" names a terminal the lab does not have (it has ${LEARNER_TERMINALS})`);
    }
  }
  return problems;
}
