// Design tokens and the button look shared by the page's elements (shadow roots do not inherit
// stylesheets, only custom properties, so every element adopts these).
import { css } from "lit";

export const buttonStyles = css`
  button {
    font: inherit;
    font-size: 0.875rem;
    font-weight: 600;
    line-height: 1.25rem;
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    padding: 0.4rem 0.85rem;
    border-radius: 0.5rem;
    border: 1px solid var(--lab-border-strong);
    background: var(--lab-surface-raised);
    color: var(--lab-text);
    cursor: pointer;
    white-space: nowrap;
    transition:
      background-color 120ms ease,
      border-color 120ms ease;
  }
  button:hover {
    background: var(--lab-surface-hover);
    border-color: var(--lab-text-muted);
  }
  button:focus-visible {
    outline: 2px solid var(--lab-focus);
    outline-offset: 2px;
  }
  button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  button.primary {
    background: var(--lab-accent);
    border-color: var(--lab-accent);
    color: var(--lab-on-accent);
  }
  button.primary:hover {
    background: var(--lab-accent-hover);
    border-color: var(--lab-accent-hover);
  }
  button svg {
    width: 1rem;
    height: 1rem;
    flex: none;
  }
`;

/** `code` in running text (exercise prose, failure explanations). */
export const inlineCodeStyles = css`
  code {
    font-family: var(--lab-font-mono);
    font-size: 0.85em;
    padding: 0.05rem 0.3rem;
    border-radius: 0.3rem;
    background: var(--lab-surface-raised);
    color: var(--lab-text);
  }
`;

/** The declarations that take text out of sight but leave it to screen readers (and to a button's name). */
export const hiddenFromSight = css`
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
`;

/** Text for assistive technology only: read, not shown. */
export const visuallyHiddenStyles = css`
  .visually-hidden {
    ${hiddenFromSight}
  }
`;

/**
 * A button's text that gives way to its icon on a phone: hidden from sight below 600 px but still the
 * button's accessible name, so the header fits in two rows there.
 */
export const compactLabelStyles = css`
  @media (max-width: 600px) {
    .button-label {
      ${hiddenFromSight}
    }
  }
`;

/** A key to press, drawn as a key cap (the copy and paste hint, the shortcut list). */
export const kbdStyles = css`
  kbd {
    font-family: var(--lab-font-mono);
    font-size: 0.75rem;
    padding: 0.05rem 0.3rem;
    border: 1px solid var(--lab-border-strong);
    border-bottom-width: 2px;
    border-radius: 0.3rem;
    background: var(--lab-surface-raised);
  }
`;
