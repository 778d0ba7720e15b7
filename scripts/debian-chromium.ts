// Debian's Chromium, which the browser tests, the e2e tests and the bench all drive (browsers cannot be
// downloaded here): where it is, and the switches every one of them launches it with.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** No sandbox (CI runs as root), no GPU, and none of the browser's own background traffic. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
