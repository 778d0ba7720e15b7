import { expect, test } from "./fixtures.ts";

test("learner can paste a megabyte of text without the page freezing", async ({ lab, page }) => {
  test.slow(); // the guest takes the text at ~60 KB/s
  await lab.run("stty -echo; cat > /tmp/pasted; stty echo; wc -c < /tmp/pasted | sed s/^/pasted-bytes:/");
  const text = `${"x".repeat(99)}\n`.repeat(10_486); // 1,048,600 bytes
  const longestFrameGap = await lab.watchFrames();

  await lab.paste(text);
  await page.keyboard.press("Control+D"); // queued behind the paste: ends cat's input once it all arrived

  await expect(lab.screen).toContainText(`pasted-bytes:${text.length}`, { timeout: 120_000, useInnerText: true });
  expect(await longestFrameGap(), "longest time without a frame (ms)").toBeLessThan(1000);
  await lab.expectPrompt();
});
