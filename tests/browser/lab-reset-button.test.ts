// The header's "Reset machine": a reset discards everything in the machine, so the button asks first in
// a modal dialog; only the dialog's confirm button sends the "reset" action.
import { describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import "../../src/app/lab-reset-button.ts";
import { LabActionEvent } from "../../src/app/lab-events.ts";
import { collect, mount } from "./mount.ts";

function parts(root: ShadowRoot) {
  return {
    button: root.querySelector<HTMLButtonElement>('[data-testid="reset-button"]')!,
    dialog: root.querySelector<HTMLDialogElement>('[data-testid="reset-dialog"]')!,
    cancel: root.querySelector<HTMLButtonElement>('[data-testid="reset-cancel"]')!,
    confirm: root.querySelector<HTMLButtonElement>('[data-testid="reset-confirm"]')!,
  };
}

/** The dialog's close event is queued as a task: wait for it. */
const closed = (dialog: HTMLDialogElement): Promise<void> =>
  new Promise((resolve) => dialog.addEventListener("close", () => setTimeout(resolve), { once: true }));

describe("<lab-reset-button>", () => {
  it("asks first: the button opens a modal dialog that says progress is kept, and sends nothing yet", async () => {
    const actions = collect<LabActionEvent>(LabActionEvent.type);
    const { root } = await mount("lab-reset-button");
    const { button, dialog } = parts(root);
    button.click();
    expect(dialog.open).toBe(true);
    expect(dialog.matches(":modal")).toBe(true);
    expect(dialog.querySelector("h2")!.textContent).toBe("Reset the machine?");
    expect(dialog.querySelector("p")!.textContent).toContain("Your course progress is kept.");
    expect(actions).toEqual([]);
  });

  it("cancel closes the dialog and does nothing", async () => {
    const actions = collect<LabActionEvent>(LabActionEvent.type);
    const { root } = await mount("lab-reset-button");
    const { button, dialog, cancel } = parts(root);
    button.click();
    const done = closed(dialog);
    cancel.click();
    await done;
    expect(dialog.open).toBe(false);
    expect(actions).toEqual([]);
  });

  it("Escape closes the dialog and does nothing", async () => {
    const actions = collect<LabActionEvent>(LabActionEvent.type);
    const { root } = await mount("lab-reset-button");
    const { button, dialog } = parts(root);
    button.click();
    const done = closed(dialog);
    // The dialog put the focus on its Cancel button; Escape is the browser's own close request.
    await userEvent.keyboard("{Escape}");
    await done;
    expect(dialog.open).toBe(false);
    expect(actions).toEqual([]);
  });

  it("confirm sends the reset action once, and a later cancel sends nothing more", async () => {
    const actions = collect<LabActionEvent>(LabActionEvent.type);
    const { root } = await mount("lab-reset-button");
    const { button, dialog, cancel, confirm } = parts(root);
    button.click();
    let done = closed(dialog);
    confirm.click();
    await done;
    expect(dialog.open).toBe(false);
    expect(actions.map((event) => event.action)).toEqual(["reset"]);
    button.click();
    done = closed(dialog);
    cancel.click();
    await done;
    expect(actions.map((event) => event.action)).toEqual(["reset"]);
  });

  it("cannot be pressed when there is no machine to reset", async () => {
    const { root } = await mount("lab-reset-button", { set: (element) => (element.disabled = true) });
    expect(parts(root).button.disabled).toBe(true);
  });

  it("asks in Korean", async () => {
    const { root } = await mount("lab-reset-button", { locale: "ko" });
    const { button, dialog, confirm, cancel } = parts(root);
    expect(button.textContent.trim()).toBe("머신 초기화");
    expect(dialog.querySelector("h2")!.textContent).toBe("머신을 초기화할까요?");
    expect([cancel.textContent, confirm.textContent]).toEqual(["취소", "머신 초기화"]);
  });
});
