// The page shell's layout: the header over the messages, the course beside the terminal, the comparison
// in the course's place when open; on narrow screens the course is a drawer over the terminal; only the
// report when printing it.
import { css } from "lit";
import { buttonStyles } from "../ui/ui-styles.ts";

export const labAppStyles = [
  buttonStyles,
  css`
  :host {
    display: grid;
    grid-template-rows: auto 1fr;
    /* the page is as wide as the window: a crowded header shrinks (tagline first), never widens it */
    grid-template-columns: minmax(0, 1fr);
    height: 100%;
    min-height: 0;
    color: var(--lab-text);
  }
  main {
    display: grid;
    grid-template-columns: minmax(20rem, 30rem) minmax(0, 1fr);
    grid-template-rows: auto minmax(0, 1fr);
    grid-template-areas:
      "messages messages"
      "course terminal";
    column-gap: 0.75rem;
    min-height: 0;
    padding: 0.75rem 1.25rem 1rem;
  }
  lab-messages {
    grid-area: messages;
  }
  lab-course {
    grid-area: course;
  }
  lab-terminal-card {
    grid-area: terminal;
  }
  /* The comparison view is a panel in the course's place (the course comes back when it closes), wide
     enough for its charts, beside the terminal it works with, both as tall as the window allows. */
  main.comparing {
    grid-template-columns: minmax(0, 1.25fr) minmax(0, 1fr);
    grid-template-areas:
      "messages messages"
      "compare terminal";
  }
  lab-compare {
    grid-area: compare;
  }
  @media print {
    :host([panel="report"]) {
      display: block;
      height: auto;
    }
    :host([panel="report"]) lab-header,
    :host([panel="report"]) main,
    :host([panel="report"]) lab-file-transfer {
      display: none;
    }
  }
  /* Tablets and phones (lab-app's DRAWER_QUERY): the terminal takes the width, the course is a drawer
     over it (under its button, so the button stays in reach to close it). */
  main.drawer {
    grid-template-columns: minmax(0, 1fr);
    grid-template-rows: auto auto minmax(0, 1fr);
    grid-template-areas:
      "bar"
      "messages"
      "terminal";
    row-gap: 0.5rem;
    padding: 0.5rem 0.75rem 0.75rem;
  }
  main.drawer.comparing {
    grid-template-rows: auto auto minmax(12rem, 2fr) minmax(0, 3fr);
    grid-template-areas:
      "bar"
      "messages"
      "terminal"
      "compare";
  }
  main.drawer lab-course {
    grid-row: 2 / -1;
    grid-column: 1;
    z-index: 20;
    justify-self: start;
    width: min(32rem, 100%);
    box-shadow: 0 16px 48px rgb(0 0 0 / 0.6);
  }
  .drawer-toggle {
    grid-area: bar;
    justify-self: start;
  }
  lab-course[hidden] {
    display: none;
  }
  @media (max-width: 480px) {
    main.drawer {
      padding: 0.4rem;
    }
  }
`,
];
