// The page's header as <lab-app> gives it its data: the language select sends LocaleChangeEvent, the
// machine's buttons send their LabActionEvents and are disabled while there is no machine, and on a
// phone-wide viewport the machine's buttons show only their icons but keep their accessible names.
import { afterEach, describe, expect, it } from "vitest";
import { page } from "vitest/browser";
import "../../src/app/lab-header.ts";
import { LabActionEvent, LocaleChangeEvent } from "../../src/app/lab-events.ts";
import { Announcer, announcerContext } from "../../src/ui/announcer.ts";
import { collect, mount, provided } from "./mount.ts";

const ready = { phase: "ready", mode: "snapshot", bootMs: 900, bootId: "b1" } as const;

function header(options: { controllable: boolean; locale?: "en" | "ko" }) {
  return mount("lab-header", {
    locale: options.locale ?? "en",
    provide: [provided(announcerContext, new Announcer())],
    set: (element) => Object.assign(element, { state: ready, generation: 1, controllable: options.controllable }),
  });
}

const coldBoot = (root: ShadowRoot) => root.querySelector<HTMLButtonElement>('[data-testid="cold-boot-button"]')!;
const reset = (root: ShadowRoot) => root.querySelector("lab-reset-button")!.shadowRoot!.querySelector<HTMLButtonElement>('[data-testid="reset-button"]')!;

afterEach(() => page.viewport(1280, 800));

describe("<lab-header>", () => {
  it("sends the language the learner picks as a LocaleChangeEvent, and shows the page's language as chosen", async () => {
    const changes = collect<LocaleChangeEvent>(LocaleChangeEvent.type);
    const { root } = await header({ controllable: true, locale: "ko" });
    const select = root.querySelector<HTMLSelectElement>('[data-testid="language-select"]')!;
    expect(select.value).toBe("ko");
    expect(select.getAttribute("aria-label")).toBe("언어");
    select.value = "en";
    select.dispatchEvent(new Event("change", { bubbles: true }));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toBeInstanceOf(LocaleChangeEvent);
    expect(changes[0]!.locale).toBe("en");
  });

  it("sends cold-boot and show-shortcuts as LabActionEvents", async () => {
    const actions = collect<LabActionEvent>(LabActionEvent.type);
    const { root } = await header({ controllable: true });
    coldBoot(root).click();
    root.querySelector<HTMLButtonElement>('[data-testid="shortcuts-button"]')!.click();
    expect(actions.every((event) => event instanceof LabActionEvent)).toBe(true);
    expect(actions.map((event) => event.action)).toEqual(["cold-boot", "show-shortcuts"]);
  });

  it("disables the machine's buttons while there is no machine to control, and enables them when there is", async () => {
    const actions = collect<LabActionEvent>(LabActionEvent.type);
    const { element, root } = await header({ controllable: false });
    expect(coldBoot(root).disabled).toBe(true);
    expect(reset(root).disabled).toBe(true);
    coldBoot(root).click();
    expect(actions).toEqual([]);
    element.controllable = true;
    await element.updateComplete;
    await root.querySelector("lab-reset-button")!.updateComplete;
    expect(coldBoot(root).disabled).toBe(false);
    expect(reset(root).disabled).toBe(false);
  });

  it("on a 390 px wide screen hides the machine buttons' words from sight but keeps them as their accessible names", async () => {
    await page.viewport(390, 844);
    const { element, root } = await header({ controllable: true });
    const group = page.elementLocator(element).getByRole("group", { name: "Machine controls" });
    await expect.element(group.getByRole("button", { name: "Cold boot" })).toBeVisible();
    await expect.element(group.getByRole("button", { name: "Reset machine" })).toBeVisible();
    for (const label of [coldBoot(root).querySelector(".button-label")!, reset(root).querySelector(".button-label")!]) {
      const box = label.getBoundingClientRect();
      expect(box.width * box.height).toBeLessThanOrEqual(1);
    }
  });

  it("on a wide screen shows the machine buttons' words", async () => {
    await page.viewport(1280, 800);
    const { root } = await header({ controllable: true });
    for (const label of [coldBoot(root).querySelector(".button-label")!, reset(root).querySelector(".button-label")!]) {
      expect(label.getBoundingClientRect().width).toBeGreaterThan(20);
    }
  });
});
