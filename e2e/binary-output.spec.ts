// A learner who prints a binary file (`cat /bin/ls`, `head -c ... /dev/urandom`) fills the terminal with
// bytes that xterm.js reads as escape sequences: colours, modes, the alternate character set, queries
// it answers by typing into the shell. The terminal must keep working: the next command runs and its
// answer is readable.
import { expect, test } from "./fixtures.ts";

test("learner can print 200 KB of binary garbage and go on working in the terminal", async ({ lab }) => {
  test.setTimeout(240_000);
  await lab.run("head -c 200000 /dev/urandom; echo; echo garbage-$((20 + 1))-done");
  await lab.expectScreenToShow("garbage-21-done");
  // Ctrl+C clears whatever the terminal's answers to queries left on the prompt line, as a learner would.
  await lab.terminal.click();
  await lab.page.keyboard.press("Control+C");
  await lab.run("echo after-$((40 + 2))");
  await lab.expectScreenToShow("after-42");
  await expect(lab.screen).toContainText("root@lab");
});
