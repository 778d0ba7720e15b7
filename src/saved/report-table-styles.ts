// How the printed progress report lays out a section and its table (a heading with a count, then one
// row per step or challenge, done in green), shared by the report and its challenges table.
import { css } from "lit";

export const reportTableStyles = css`
  section {
    break-inside: avoid;
    margin-bottom: 1rem;
  }
  h2 {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
    margin: 0 0 0.3rem;
    font-size: 1rem;
    border-bottom: 2px solid #111;
    padding-bottom: 0.15rem;
  }
  h2 span {
    font-weight: 500;
    font-size: 0.85rem;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: left;
    padding: 0.2rem 0.4rem;
    border-bottom: 1px solid #ddd;
    vertical-align: top;
  }
  th {
    font-size: 0.75rem;
    text-transform: uppercase;
    letter-spacing: 0.03em;
    color: #555;
  }
  td.status {
    white-space: nowrap;
    width: 7rem;
  }
  td.time {
    white-space: nowrap;
    width: 12rem;
    color: #444;
  }
  .done {
    color: #11683a;
    font-weight: 600;
  }
  .not-done {
    color: #666; /* 5.7:1 on white: readable on screen and on paper */
  }
`;
