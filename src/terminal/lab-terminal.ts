// The learner's root shell: an xterm.js terminal wired to the VM session from context. Output is
// batched per frame, input (and large pastes, in slices) goes to the guest's console, the size follows
// the element, and a reset or cold boot starts the screen afresh (so does a change of language, to
// greet the learner in it).
import { consume } from "@lit/context";
import xtermCss from "@xterm/xterm/css/xterm.css?inline";
import { LitElement, css, html, unsafeCSS, type PropertyValues } from "lit";
import { customElement, state } from "lit/decorators.js";
import { vmSessionContext } from "../session/vm-session-context.ts";
import type { VmSession } from "../session/vm-session.ts";
import type { Locale } from "../exercises/locales.ts";
import { localeContext } from "../i18n/locale-context.ts";
import { UI_MESSAGES } from "../i18n/ui-messages.ts";
import { installClipboardShortcuts } from "./terminal-clipboard.ts";
import { TerminalInputController } from "./terminal-input-controller.ts";
import { TerminalOutputController } from "./terminal-output-controller.ts";
import { TerminalResizeController } from "./terminal-resize-controller.ts";
import { TERMINAL_BACKGROUND, terminalOptions } from "./terminal-theme.ts";
import { XtermController } from "./xterm-controller.ts";

@customElement("lab-terminal")
export class LabTerminal extends LitElement {
  static override styles = [
    unsafeCSS(xtermCss),
    css`
      :host {
        display: block;
        position: relative;
        min-height: 0;
        background: ${unsafeCSS(TERMINAL_BACKGROUND)};
      }
      .screen {
        position: absolute;
        inset: 0.75rem 0.25rem 0.5rem 0.9rem;
      }
      .xterm {
        height: 100%;
      }
      .xterm .xterm-viewport {
        background-color: transparent;
        scrollbar-width: thin;
        scrollbar-color: #3a4556 transparent;
      }
      .xterm:focus,
      .xterm textarea:focus {
        outline: none;
      }
    `,
  ];

  @consume({ context: vmSessionContext, subscribe: true })
  @state()
  session: VmSession | undefined;

  @consume({ context: localeContext, subscribe: true })
  @state()
  locale: Locale = "en";

  private readonly xterm = new XtermController(this, () => this.renderRoot.querySelector<HTMLElement>(".screen"), terminalOptions);

  private readonly output: TerminalOutputController;

  constructor() {
    super();
    const session = (): VmSession | undefined => this.session;
    this.output = new TerminalOutputController(this, session, this.xterm, () => UI_MESSAGES[this.locale].terminalGreeting);
    new TerminalInputController(this, session, this.xterm);
    new TerminalResizeController(this, session, this.xterm, () => this);
    this.xterm.onAttach((terminal) => installClipboardShortcuts(terminal));
  }

  /** Puts the keyboard focus into the terminal. */
  override focus(): void {
    this.xterm.terminal?.focus();
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The first value arrives before the terminal attaches, which replays anyway.
    if (changed.has("locale") && changed.get("locale") !== undefined) this.output.replay();
  }

  override render() {
    return html`<div class="screen" data-testid="terminal"></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-terminal": LabTerminal;
  }
}
