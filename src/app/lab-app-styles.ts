// The page shell's layout: the header over the messages, the course beside the terminal, the comparison
// under the terminal when open; one column on narrow screens; only the report when printing it.
import { css } from "lit";

export const labAppStyles = css`
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
  main.comparing {
    grid-template-rows: auto minmax(14rem, 1fr) minmax(0, 1.5fr);
    grid-template-areas:
      "messages messages"
      "course terminal"
      "course compare";
    row-gap: 0.75rem;
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
  @media (max-width: 760px) {
    main {
      padding: 0.75rem;
    }
  }
  @media (max-width: 1000px) {
    :host {
      height: auto;
      min-height: 100%;
    }
    main {
      grid-template-columns: minmax(0, 1fr);
      grid-template-rows: auto 70vh auto;
      grid-template-areas:
        "messages"
        "terminal"
        "course";
    }
    main.comparing {
      grid-template-rows: auto 60vh auto auto;
      grid-template-areas:
        "messages"
        "terminal"
        "compare"
        "course";
    }
    lab-course {
      height: 85vh;
      margin-top: 0.75rem;
    }
  }
`;
