// One of the learner's root shells: an xterm.js terminal wired to a serial line of the VM session from
// context (the console by default, or `port` 2 or 3). Output is batched per frame, input (and large
// pastes, in slices) goes to the line, the size follows the element, and a reset or cold boot starts the
// screen afresh (so does a change of language on the console, to greet the learner in it). The learner's
// screen reader setting switches xterm.js's screen reader mode; F6 leaves the terminal (terminal-keys.ts).
import { consume } from "@lit/context";
import xtermCss from "@xterm/xterm/css/xterm.css?inline";
import { LitElement, css, html, unsafeCSS, type PropertyValues } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { learnerShells, type TerminalLine } from "../session/learner-shells.ts";
import { vmSessionContext } from "../session/vm-session-context.ts";
import type { VmSession } from "../session/vm-session.ts";
import type { Locale } from "../exercises/locales.ts";
import { localeContext } from "../i18n/locale-context.ts";
import { UI_MESSAGES } from "../i18n/ui-messages.ts";
import { ACCESS_MESSAGES } from "../i18n/access-messages.ts";
import { installTerminalKeys } from "./terminal-keys.ts";
import { TerminalInputController } from "./terminal-input-controller.ts";
import { TerminalOutputController } from "./terminal-output-controller.ts";
import { TerminalResizeController } from "./terminal-resize-controller.ts";
import { accessibilitySettingsContext, type AccessibilitySettings } from "../ui/accessibility-settings.ts";
import { AccessibilitySettingsController } from "../ui/accessibility-settings-controller.ts";
import { visuallyHiddenStyles } from "../ui/ui-styles.ts";
import { TERMINAL_BACKGROUND, terminalOptions } from "./terminal-theme.ts";
import { blinkWhileTyping } from "./cursor-blink.ts";
import { DEFAULT_FONT_SIZE } from "./terminal-font-size.ts";
import { ModifiersUsedEvent } from "./terminal-events.ts";
import { NO_MODIFIERS, applyModifiers, keySequence, takesModifiers, type BarKey, type Modifiers } from "./touch-keys.ts";
import { XtermController } from "./xterm-controller.ts";

@customElement("lab-terminal")
export class LabTerminal extends LitElement {
  static override styles = [
    unsafeCSS(xtermCss),
    visuallyHiddenStyles,
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
      /* xterm's own focus shows only as a cursor: the whole terminal gets the page's focus ring */
      :host(:focus-within) {
        outline: 2px solid var(--lab-focus);
        outline-offset: -2px;
      }
    `,
  ];

  @consume({ context: vmSessionContext, subscribe: true })
  @state()
  session: VmSession | undefined;

  @consume({ context: localeContext, subscribe: true })
  @state()
  locale: Locale = "en";

  @consume({ context: accessibilitySettingsContext, subscribe: true })
  @state()
  accessibility: AccessibilitySettings | undefined;

  /** The serial port of the shell shown: 0 (the console), 2 or 3. */
  @property({ type: Number }) port = 0;

  /** The key bar's sticky modifiers: the next key typed here is sent with them (then ModifiersUsedEvent). */
  @property({ attribute: false }) modifiers: Modifiers = NO_MODIFIERS;

  /** The text size in pixels (the learner's choice, from the key bar). */
  @property({ type: Number, attribute: "font-size" }) fontSize = DEFAULT_FONT_SIZE;

  private readonly xterm = new XtermController(this, () => this.renderRoot.querySelector<HTMLElement>(".screen"), terminalOptions);

  private readonly output: TerminalOutputController;

  constructor() {
    super();
    const line = (): TerminalLine | undefined => (this.session ? learnerShells(this.session).line(this.port) : undefined);
    // The page greets the learner on the console only; the other shells show their own login banner.
    const greeting = (): readonly string[] => (this.port === 0 ? UI_MESSAGES[this.locale].terminalGreeting : []);
    this.output = new TerminalOutputController(this, line, this.xterm, greeting);
    new TerminalInputController(this, line, this.xterm, (text) => this.withModifiers(text));
    new TerminalResizeController(this, line, this.xterm, () => this);
    this.xterm.onAttach((terminal) => installTerminalKeys(terminal));
    this.xterm.onAttach((terminal) => blinkWhileTyping(terminal));
    // The learner's screen reader setting, on this terminal from the start and whenever it changes.
    const readerMode = (): void => {
      const terminal = this.xterm.terminal;
      const on = this.accessibility?.screenReaderMode ?? false;
      if (terminal && terminal.options.screenReaderMode !== on) terminal.options.screenReaderMode = on;
    };
    this.xterm.onAttach(readerMode);
    this.xterm.onAttach(() => this.applyFontSize());
    new AccessibilitySettingsController(this, () => this.accessibility, readerMode);
    // The shell's input says how to leave it (Tab stays the shell's): read after the terminal's name.
    this.xterm.onAttach((terminal) => terminal.textarea?.setAttribute("aria-describedby", "terminal-help"));
  }

  /** Puts the keyboard focus into the terminal. */
  override focus(): void {
    this.xterm.terminal?.focus();
  }

  /** Types a key of the key bar into the terminal, as if pressed on a keyboard (modifiers apply). */
  press(key: BarKey): void {
    const terminal = this.xterm.terminal;
    terminal?.input(keySequence(key, terminal.modes.applicationCursorKeysMode), true);
  }

  private withModifiers(text: string): string {
    if ((!this.modifiers.ctrl && !this.modifiers.alt) || !takesModifiers(text)) return text;
    const sent = applyModifiers(text, this.modifiers);
    this.dispatchEvent(new ModifiersUsedEvent());
    return sent;
  }

  /** A new size changes the cell size: the fit to the element (and the shell's rows and columns) follows. */
  private applyFontSize(): void {
    const terminal = this.xterm.terminal;
    if (!terminal || terminal.options.fontSize === this.fontSize) return;
    terminal.options.fontSize = this.fontSize;
    this.xterm.fit?.fit();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has("fontSize")) this.applyFontSize();
    // The first value arrives before the terminal attaches, which replays anyway.
    if (changed.has("locale") && changed.get("locale") !== undefined) this.output.replay();
  }

  override render() {
    return html`<div class="screen" data-testid="terminal"></div>
      <span id="terminal-help" class="visually-hidden" data-testid="terminal-help">${ACCESS_MESSAGES[this.locale].terminalDescription}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-terminal": LabTerminal;
  }
}
