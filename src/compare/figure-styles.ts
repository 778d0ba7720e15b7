// How a figure of the comparison looks (its box, heading, notes, table and list), shared by the view and
// the figures drawn by elements of their own.
import { css } from "lit";

export const figureStyles = css`
  h3 {
    margin: 0 0 0.3rem;
    font-size: 0.95rem;
  }
  p {
    margin: 0.2rem 0 0.6rem;
  }
  .note {
    color: var(--lab-text-muted);
    font-size: 0.8rem;
  }
  section {
    padding: 0.75rem;
    border: 1px solid var(--lab-border);
    border-radius: 0.6rem;
    background: var(--lab-bg);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.8rem;
  }
  th,
  td {
    text-align: left;
    padding: 0.2rem 0.4rem;
    border-bottom: 1px solid var(--lab-border);
  }
  td.mono,
  .mono {
    font-family: var(--lab-font-mono);
    font-size: 0.75rem;
    word-break: break-all;
  }
  ul {
    margin: 0.3rem 0;
    padding-left: 1.2rem;
  }
`;
