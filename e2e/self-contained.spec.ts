// The production build is self-contained: fonts, code, wasm, BIOS, kernel, snapshot all come from the
// server that served the page, so a classroom without internet (or behind a strict proxy) works. Every
// request to another origin is blocked and reported. It also needs no cross-origin isolation headers
// (v86 does not use SharedArrayBuffer), so any static host can serve it.
import { expect, test } from "./fixtures.ts";
import { OfflineIndicator } from "./pages/offline-indicator.ts";

// Include the service worker's own downloads in what is watched.
test.use({ serviceWorkers: "allow" });

test("learner's lab loads, boots and cold boots without any request leaving its server", async ({ labPage: lab, page, context, baseURL }) => {
  test.slow();
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  await context.route(
    (url) => url.origin !== origin,
    (route) => {
      foreign.push(route.request().url());
      return route.abort("blockedbyclient");
    },
  );

  const response = await page.goto("./");
  // No COOP/COEP from the server, and the page does not need them.
  expect(response?.headers()["cross-origin-embedder-policy"]).toBeUndefined();
  await lab.expectReady("restore");
  await lab.expectPrompt();
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(false);
  await lab.run("echo local-$((2*21))");
  await lab.expectScreenToShow("local-42");
  await lab.coldBoot();
  await lab.expectPrompt();
  await new OfflineIndicator(page).expectKind("ready");

  expect(foreign, "requests to other origins").toEqual([]);
});
