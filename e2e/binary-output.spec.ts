// A learner who prints a binary file (`cat /bin/ls`, `head -c ... /dev/urandom`) fills the terminal with
// bytes that xterm.js reads as escape sequences: colours, modes, another character set (a prompt then
// reads `rootàlab:¨£`), queries it answers by typing into the shell. The terminal must keep working:
// the next command runs, and `reset`, as in any Linux terminal, brings back a readable prompt.
import { expect, test } from "./fixtures.ts";

test("learner can print 200 KB of binary garbage and go on working in the terminal", async ({ lab }) => {
  test.setTimeout(300_000);
  // A program file, as a learner would `cat` one: the same bytes every run. Random bytes made this test a
  // lottery: an escape sequence they left open sometimes took the marker's first letter.
  await lab.run("head -c 200000 /usr/bin/bash; echo; echo garbage-$((20 + 1))-done");
  // 200 KB through the emulated serial line, and xterm parsing all of it, take a while on a busy machine.
  await expect(lab.screen).toContainText("garbage-21-done", { timeout: 180_000, useInnerText: true });
  // Ctrl+C clears whatever the terminal's answers to queries left on the prompt line.
  await lab.terminal.click();
  await lab.page.keyboard.press("Control+C");
  await lab.run("reset; echo after-$((40 + 2))");
  await lab.expectScreenToShow("after-42");
  await expect(lab.screen).toContainText("root@lab");
});
