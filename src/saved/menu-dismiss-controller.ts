// Closes a <details> menu when the learner presses the pointer anywhere outside it or presses Escape,
// as menus do. A reactive controller: it listens on the document only while the menu is open and the
// element is on the page.
import type { ReactiveController, ReactiveControllerHost } from "lit";

export class MenuDismissController implements ReactiveController {
  private listening = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly menu: () => HTMLDetailsElement | null,
  ) {
    host.addController(this);
  }

  /** Call when the menu opened or closed (its `toggle` event). */
  toggled(): void {
    if (this.menu()?.open) this.listen();
    else this.stop();
  }

  close(): void {
    const menu = this.menu();
    if (menu) menu.open = false;
    this.stop();
  }

  hostDisconnected(): void {
    this.stop();
  }

  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    document.addEventListener("pointerdown", this.onPointerDown);
    document.addEventListener("keydown", this.onKeyDown);
  }

  private stop(): void {
    if (!this.listening) return;
    this.listening = false;
    document.removeEventListener("pointerdown", this.onPointerDown);
    document.removeEventListener("keydown", this.onKeyDown);
  }

  private readonly onPointerDown = (event: PointerEvent): void => {
    if (!event.composedPath().includes(this.host)) this.close();
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === "Escape") this.close();
  };
}
