// Turns the check kinds of exercise.md into the scripts the guest agent runs, and judges a result
// against a check's expectation. Also the lints that keep checks read-only and solutions typeable.
import type { CheckExpectation, CheckKind } from "./model.ts";
import type { CheckSpec } from "./schema.ts";
import { AGENT_CGROUP_NAME, COMPARE_CGROUP_NAME } from "../shared/guest-cgroups.ts";
import { shellQuote } from "../shared/shell-quote.ts";
import { serialTtyNumber, terminalPort, terminalSwitchProblems } from "./terminal-parts.ts";

/**
 * Shell helpers prepended to every check and answer script (run by bash, and by busybox sh too). They
 * only read /proc, and avoid starting programs where a shell builtin will do: every fork costs tens of
 * milliseconds in the emulator. "Learner processes" are the user-space processes outside the agent's
 * cgroup: not the kernel's threads, not init (PID 1), not the agent or the check itself, and not the
 * comparison view's containers (src/compare/), which the learner did not make.
 */
export const CHECK_PRELUDE = String.raw`
lab_procs() {
  for _d in /proc/[0-9]*; do
    _p=${"${_d#/proc/}"}
    [ "$_p" = 1 ] && continue
    [ -e "$_d/exe" ] || continue
    read -r _cg 2>/dev/null <"$_d/cgroup" || continue
    case "$_cg" in 0::/${AGENT_CGROUP_NAME}|0::/${AGENT_CGROUP_NAME}/*|0::/${COMPARE_CGROUP_NAME}/*) continue ;; esac
    read -r _c 2>/dev/null <"$_d/comm" || continue
    echo "$_p $_c"
  done
}
lab_find() { lab_procs | awk -v re="$1" '{ c = $0; sub(/^[0-9]+ /, "", c); if (c ~ re) print $1 }'; }
lab_ns() { readlink "/proc/$1/ns/$2" 2>/dev/null; }
lab_same_ns() { [ -e "/proc/$1/ns/$3" ] && [ "/proc/$1/ns/$3" -ef "/proc/$2/ns/$3" ]; }
lab_new_ns() { [ -e "/proc/$1/ns/$2" ] && ! [ "/proc/$1/ns/$2" -ef "/proc/1/ns/$2" ]; }
lab_root() { readlink "/proc/$1/root" 2>/dev/null; }
lab_root_is() { [ "/proc/$1/root" -ef "$2" ]; }
lab_status() {
  while read -r _k _v; do
    [ "$_k" = "$2:" ] && { echo "$_v"; return 0; }
  done 2>/dev/null <"/proc/$1/status"
  return 1
}
lab_nspid() { _s=$(lab_status "$1" NSpid) || return 1; for _x in $_s; do :; done; echo "$_x"; }
lab_ppid() { lab_status "$1" PPid; }
lab_args() { tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | sed 's/ $//'; }
lab_cgroup() { read -r _cg 2>/dev/null <"/proc/$1/cgroup" && echo "${"${_cg#0::}"}"; }
lab_hostname() { nsenter -t "$1" -u hostname 2>/dev/null; }
# The inode of the unix socket that accepts connections at path $1 (flag __SO_ACCEPTCON, 00010000).
lab_unix_listener() { awk -v p="$1" '$4 == "00010000" && $8 == p { print $7 }' /proc/net/unix; }
# True when process $1 holds socket inode $2 open: one of its descriptors is socket:[$2].
lab_holds_socket() {
  for _f in /proc/$1/fd/*; do [ "$(readlink "$_f")" = "socket:[$2]" ] && return 0; done
  return 1
}
# True when process $1 runs in the learner's terminal $2: its controlling tty (tty_nr in its stat) is
# that terminal's serial line, major 4, minor 64 + port (1: ttyS0, 2: ttyS2, 3: ttyS3).
lab_in_terminal() {
  case "$2" in ${[1, 2, 3].map((n) => `${n}) _t=${serialTtyNumber(terminalPort(n))} ;;`).join(" ")} *) return 1 ;; esac
  read -r _st 2>/dev/null <"/proc/$1/stat" || return 1
  set -- ${"${_st##*) }"}
  [ "$5" = "$_t" ]
}
`.trimStart();

export interface CompiledCheck {
  readonly kind: CheckKind;
  readonly script: string;
  readonly expect: CheckExpectation;
}

export function compileCheck(spec: CheckSpec): CompiledCheck {
  switch (spec.kind) {
    case "shell":
      return { kind: "shell", script: spec.run.trim(), expect: spec.expect ?? { exitCode: 0 } };
    case "file": {
      const path = shellQuote(spec.path);
      if (spec.exists === false) {
        return { kind: "file", script: `! { [ -e ${path} ] || [ -L ${path} ]; }`, expect: { exitCode: 0 } };
      }
      if (spec.matches === undefined) {
        return { kind: "file", script: `[ -e ${path} ] || [ -L ${path} ]`, expect: { exitCode: 0 } };
      }
      return { kind: "file", script: `cat -- ${path}`, expect: { exitCode: 0, stdout: spec.matches } };
    }
    case "process": {
      const tests: string[] = [];
      if (spec.terminal !== undefined) tests.push(`lab_in_terminal "$_pid" ${spec.terminal} || continue`);
      if (spec.root !== undefined) tests.push(`lab_root_is "$_pid" ${shellQuote(spec.root)} || continue`);
      for (const [type, want] of Object.entries(spec.namespaces ?? {})) {
        tests.push(
          want === "new"
            ? `lab_new_ns "$_pid" ${type} || continue`
            : `lab_same_ns "$_pid" 1 ${type} || continue`,
        );
      }
      if (spec.nsPid !== undefined) tests.push(`[ "$(lab_nspid "$_pid")" = ${spec.nsPid} ] || continue`);
      if (spec.args !== undefined) tests.push(`lab_args "$_pid" | grep -Eq -- ${shellQuote(spec.args)} || continue`);
      if (spec.cgroup !== undefined) tests.push(`lab_cgroup "$_pid" | grep -Eq -- ${shellQuote(spec.cgroup)} || continue`);
      const script = [
        `for _pid in $(lab_find ${shellQuote(spec.comm ?? ".")}); do`,
        ...tests.map((t) => `  ${t}`),
        `  echo "$_pid"`,
        `  exit 0`,
        `done`,
        `echo "no matching process" >&2`,
        `exit 1`,
      ].join("\n");
      return { kind: "process", script, expect: { exitCode: 0 } };
    }
  }
}

export interface ResultToJudge {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Why a result does not meet the expectation (in English, for authors and logs), or undefined if it does. */
export function unmetExpectation(expect: CheckExpectation, result: ResultToJudge): string | undefined {
  if (expect.exitCode !== undefined && result.exitCode !== expect.exitCode) {
    return `exit code ${result.exitCode}, expected ${expect.exitCode}`;
  }
  if (expect.stdout !== undefined && !new RegExp(expect.stdout, "m").test(result.stdout)) {
    return `the output does not match /${expect.stdout}/`;
  }
  if (expect.stderr !== undefined && !new RegExp(expect.stderr, "m").test(result.stderr)) {
    return `the error output does not match /${expect.stderr}/`;
  }
  return undefined;
}

// ---- lints --------------------------------------------------------------------------------------

/**
 * Removes comments and the contents of quoted strings, so lints only see shell syntax. Newlines are
 * kept everywhere, so a position in the result is on the same line as in the script.
 */
function shellSyntaxOnly(script: string): string {
  let out = "";
  let quote: "'" | '"' | undefined;
  const keepNewlines = (skipped: string): string => skipped.replace(/[^\n]/g, "");
  for (let i = 0; i < script.length; i++) {
    const c = script[i]!;
    if (quote) {
      if (c === "\\" && quote === '"') {
        out += keepNewlines(script.slice(i, i + 2));
        i++;
      } else if (c === quote) {
        quote = undefined;
        out += c;
      } else if (c === "\n") out += c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      out += c;
    } else if (script.startsWith("$((", i)) {
      // Arithmetic: `>>` and `<` there are operators, not redirections. Skip to the matching `))`.
      let depth = 0;
      let j = i + 1;
      for (; j < script.length; j++) {
        if (script[j] === "(") depth++;
        else if (script[j] === ")" && --depth === 0) break;
      }
      out += "$((0))" + keepNewlines(script.slice(i, j));
      i = j;
    } else if (c === "\\") {
      out += script.slice(i, i + 2);
      i++;
    } else if (c === "#" && (i === 0 || /[\s;|&(]/.test(script[i - 1]!))) {
      while (i + 1 < script.length && script[i + 1] !== "\n") i++;
    } else out += c;
  }
  return out;
}

// A command word: at the start of a line or after ; & | ( ` { ! $( or then/do/else, or run by
// xargs/exec/env/sudo/nsenter ... (nsenter's options are skipped).
const COMMAND_POSITION = String.raw`(?:^|[;&|(\x60{!]|\$\(|\b(?:then|do|else|xargs|exec|env|sudo|time)\b|\bnsenter(?:\s+-{1,2}[\w=-]+(?:\s+\d+)?)*)[ \t]*`;

const WRITING_COMMANDS = [
  "mount", "umount", "kill", "pkill", "killall", "rm", "rmdir", "mkdir", "touch", "mv", "cp", "ln", "chmod",
  "chown", "chgrp", "chroot", "unshare", "pivot_root", "ipcmk", "ipcrm", "losetup", "tee", "dd", "truncate",
  "mknod", "mkfifo", "modprobe", "insmod", "rmmod", "reboot", "poweroff", "halt", "swapon", "swapoff", "brctl",
  "setcap", "useradd", "adduser", "passwd", "install", "patch", "cgcreate", "cgexec", "sysctl", "mktemp",
];

const STATE_CHANGE_RULES: readonly { readonly pattern: RegExp; readonly what: string }[] = [
  {
    pattern: new RegExp(`${COMMAND_POSITION}(${WRITING_COMMANDS.join("|")})(?![\\w.-])(?!\\s+-0\\b)`, "gm"),
    what: "runs `$1`, which changes the guest",
  },
  { pattern: new RegExp(`${COMMAND_POSITION}hostname[ \\t]+(?![-|;&)>]|$)[^\\s]`, "gm"), what: "sets the hostname" },
  { pattern: /(?:^|[^&<>])[0-9]?>>?(?!\s*(?:&|\/dev\/null\b)|>)/gm, what: "redirects output into a file" },
  {
    pattern: new RegExp(`${COMMAND_POSITION}(?:ip|bridge)\\b[^\\n;|&]*\\s(add|del|delete|set|flush|change|replace|exec)\\b`, "gm"),
    what: "changes the network configuration (`ip ... $1`)",
  },
  {
    pattern: new RegExp(`${COMMAND_POSITION}(?:iptables|ip6tables)\\b[^\\n;|&]*\\s-(?:[AIDRFNXZP]\\b|-(?:append|insert|delete|replace|flush|new|policy))`, "gm"),
    what: "changes firewall rules",
  },
  { pattern: new RegExp(`${COMMAND_POSITION}nft\\b[^\\n;|&]*\\s(add|create|insert|replace|delete|destroy|flush|-f)\\b`, "gm"), what: "changes nftables rules" },
  { pattern: new RegExp(`${COMMAND_POSITION}sed\\b[^\\n;|&]*\\s-i`, "gm"), what: "edits a file in place (sed -i)" },
];

/** An awk program in single quotes, after `awk` and its options on the same command. */
const AWK_PROGRAM = /\b[gmn]?awk\b[^;&|\n']*'([^']*)'/g;

/** What in an awk program writes or runs something: `print > file`, `print | cmd`, `system()`, `cmd | getline`. */
function awkChanges(program: string): { offset: number; what: string }[] {
  const found: { offset: number; what: string }[] = [];
  // Strings' contents cannot hold a redirection; parentheses make `>` a comparison (`print (a > b)`).
  const code = program.replace(/"(?:[^"\\\n]|\\.)*"/g, (s) => `"${" ".repeat(s.length - 2)}"`);
  for (const match of code.matchAll(/\bprintf?\b([^;}\n]*)/g)) {
    let args = match[1]!;
    for (let previous = ""; previous !== args; ) {
      previous = args;
      args = args.replace(/\([^()]*\)/g, (s) => " ".repeat(s.length));
    }
    if (/[>|]/.test(args)) found.push({ offset: match.index, what: "writes from awk into a file or a command (`print >` or `print |`)" });
  }
  for (const match of code.matchAll(/\bsystem\s*\(/g)) found.push({ offset: match.index, what: "runs a command from awk (`system()`)" });
  for (const match of code.matchAll(/\|\s*getline\b/g)) found.push({ offset: match.index, what: "runs a command from awk (`... | getline`)" });
  return found;
}

export interface StateChange {
  /** 1-based line of the script the offending command is on. */
  readonly line: number;
  readonly what: string;
}

/**
 * Every place a check or answer script looks like it changes guest state, each at its own line. A
 * heuristic to catch slips (checks must be read-only), not a sandbox: the guest tier compares the guest
 * before and after.
 */
export function stateChangingParts(script: string): StateChange[] {
  const lineAt = (text: string, offset: number): number => text.slice(0, offset).split("\n").length;
  const syntax = shellSyntaxOnly(script);
  const found: StateChange[] = [];
  for (const rule of STATE_CHANGE_RULES) {
    for (const match of syntax.matchAll(rule.pattern)) {
      // The end of the match is on the offending command's line (the start may be a `;` before it).
      found.push({ line: lineAt(syntax, match.index + match[0].length - 1), what: rule.what.replace("$1", match[1] ?? "") });
    }
  }
  for (const match of script.matchAll(AWK_PROGRAM)) {
    const programStart = match.index + match[0].length - match[1]!.length - 1;
    for (const change of awkChanges(match[1]!)) found.push({ line: lineAt(script, programStart + change.offset), what: change.what });
  }
  const unique = new Map(found.map((change) => [`${change.line} ${change.what}`, change]));
  return [...unique.values()].sort((a, b) => a.line - b.line);
}

const INTERACTIVE_COMMANDS = ["vi", "vim", "nano", "less", "more", "top", "watch", "passwd", "read", "man"];

/**
 * Reasons a solution or clickable command would not work when typed into the learner's interactive
 * bash: a tab triggers completion, and some programs wait for keys instead of reading the next line.
 */
export function typingHazards(script: string): string[] {
  const found: string[] = [];
  if (script.includes("\t")) found.push("contains a tab character, which bash turns into completion when typed");
  const syntax = shellSyntaxOnly(script);
  const match = new RegExp(`${COMMAND_POSITION}(${INTERACTIVE_COMMANDS.join("|")})(?![\\w.-])`, "m").exec(syntax);
  if (match) found.push(`runs \`${match[1]}\`, which waits for keys instead of running to the end`);
  found.push(...terminalSwitchProblems(script));
  return found;
}
