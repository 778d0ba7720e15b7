// The on-screen key bar for touch keyboards: Esc, Tab, the arrows and the symbols a phone's keyboard
// hides, Ctrl and Alt as sticky modifiers (pressed, they stay on for the next key, shown as pressed
// buttons), and the terminals' font size. Tapping a key leaves the keyboard focus in the terminal (the
// touch keyboard stays up); requests go up as KeyBarEvent, the workspace sends the keys.
import { consume } from "@lit/context";
import { LitElement, css, html } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Locale } from "../exercises/locales.ts";
import { localeContext } from "../i18n/locale-context.ts";
import { TOUCH_MESSAGES } from "./touch-messages.ts";
import { buttonStyles, visuallyHiddenStyles } from "../ui/ui-styles.ts";
import { KeyBarEvent, type KeyBarRequest } from "./terminal-events.ts";
import { MAX_FONT_SIZE, MIN_FONT_SIZE } from "./terminal-font-size.ts";
import { BAR_KEYS, NO_MODIFIERS, type BarKey, type Modifier, type Modifiers } from "./touch-keys.ts";

const LABELS: Record<BarKey, string> = {
  Escape: "Esc",
  Tab: "Tab",
  ArrowUp: "↑",
  ArrowDown: "↓",
  ArrowLeft: "←",
  ArrowRight: "→",
  "|": "|",
  "~": "~",
  "/": "/",
  "-": "-",
};

@customElement("lab-key-bar")
export class LabKeyBar extends LitElement {
  static override styles = [
    buttonStyles,
    visuallyHiddenStyles,
    css`
      :host {
        display: block;
        border-top: 1px solid var(--lab-border);
        background: var(--lab-surface);
      }
      .bar {
        display: flex;
        gap: 0.3rem;
        padding: 0.35rem 0.5rem;
        overflow-x: auto;
        scrollbar-width: thin;
      }
      button {
        flex: none;
        min-width: 2.5rem;
        min-height: 2.5rem;
        justify-content: center;
        padding: 0.3rem 0.55rem;
        font-family: var(--lab-font-mono);
        touch-action: manipulation;
      }
      button[aria-pressed="true"] {
        border-color: var(--lab-accent);
        background: var(--lab-accent);
        color: var(--lab-on-accent);
      }
      .gap {
        flex: 1 0 0.5rem;
      }
    `,
  ];

  /** The sticky modifiers on now. */
  @property({ attribute: false }) modifiers: Modifiers = NO_MODIFIERS;
  /** The terminals' font size in pixels. */
  @property({ type: Number, attribute: "font-size" }) fontSize = 14;

  @consume({ context: localeContext, subscribe: true })
  @state()
  locale: Locale = "en";

  override render() {
    const m = TOUCH_MESSAGES[this.locale];
    return html`<div role="group" aria-label=${m.keyBar} aria-describedby="modifier-hint" class="bar">
      ${this.renderModifier("ctrl", "Ctrl", m.ctrl)} ${this.renderModifier("alt", "Alt", m.alt)}
      ${BAR_KEYS.map(
        (key) => html`<button
          data-testid="bar-key"
          data-key=${key}
          aria-label=${m.keyNames[key]}
          @pointerdown=${this.keepFocus}
          @click=${() => this.request({ kind: "key", key })}
        >${LABELS[key]}</button>`,
      )}
      <span class="gap"></span>
      <button
        data-testid="font-smaller"
        aria-label=${m.smallerFont}
        title=${m.fontSize(this.fontSize)}
        ?disabled=${this.fontSize <= MIN_FONT_SIZE}
        @pointerdown=${this.keepFocus}
        @click=${() => this.request({ kind: "font-size", step: -1 })}
      >A−</button>
      <button
        data-testid="font-larger"
        aria-label=${m.largerFont}
        title=${m.fontSize(this.fontSize)}
        ?disabled=${this.fontSize >= MAX_FONT_SIZE}
        @pointerdown=${this.keepFocus}
        @click=${() => this.request({ kind: "font-size", step: 1 })}
      >A+</button>
      <span id="modifier-hint" class="visually-hidden">${m.modifierHint}</span>
    </div>`;
  }

  private renderModifier(modifier: Modifier, label: string, name: string) {
    return html`<button
      data-testid="bar-modifier"
      data-key=${modifier}
      aria-label=${name}
      aria-pressed=${this.modifiers[modifier] ? "true" : "false"}
      @pointerdown=${this.keepFocus}
      @click=${() => this.request({ kind: "modifier", modifier })}
    >${label}</button>`;
  }

  /** A tap would move the focus to the button and close the touch keyboard: it stays where it was. */
  private readonly keepFocus = (event: PointerEvent): void => event.preventDefault();

  private request(request: KeyBarRequest): void {
    this.dispatchEvent(new KeyBarEvent(request));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-key-bar": LabKeyBar;
  }
}
