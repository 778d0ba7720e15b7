// Styles the course panel's elements share: the panel frame (a title bar, a scrolling body, a bar of
// buttons at the bottom), the prose of exercises and challenges, and the boxed sections (checks,
// question, hints) with their hint notes.
import { css } from "lit";

/** A view that fills the panel: `.top` bar, scrolling `.body`, and `nav` at the bottom. */
export const panelStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    flex: 1;
    min-height: 0;
  }
  .top {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.6rem 0.9rem;
    border-bottom: 1px solid var(--lab-border);
    font-size: 0.8rem;
    color: var(--lab-text-muted);
  }
  .top .where {
    margin-right: auto;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .body {
    flex: 1;
    overflow-y: auto;
    padding: 0.9rem 1rem 1.2rem;
  }
  nav {
    display: flex;
    justify-content: space-between;
    gap: 0.5rem;
    padding: 0.6rem 0.9rem;
    border-top: 1px solid var(--lab-border);
  }
`;

/** Rendered markdown and the panel's text. */
export const proseStyles = css`
  h2 {
    margin: 0 0 0.2rem;
    font-size: 1.1rem;
  }
  h3 {
    margin: 0.8rem 0 0.4rem;
    font-size: 1rem;
  }
  h4 {
    margin: 0.8rem 0 0.3rem;
    font-size: 0.95rem;
  }
  p {
    margin: 0.5rem 0;
  }
  h5,
  h6 {
    margin: 0.7rem 0 0.3rem;
    font-size: 0.9rem;
  }
  ul,
  ol {
    margin: 0.4rem 0;
    padding-left: 1.3rem;
  }
  li > ul,
  li > ol {
    margin: 0.2rem 0;
  }
  blockquote {
    margin: 0.6rem 0;
    padding: 0.1rem 0 0.1rem 0.8rem;
    border-left: 3px solid var(--lab-border);
    color: var(--lab-text-muted);
  }
  hr {
    border: none;
    border-top: 1px solid var(--lab-border);
    margin: 0.8rem 0;
  }
  /* A wide table scrolls on its own instead of widening the panel. */
  .table-scroll {
    overflow-x: auto;
    margin: 0.6rem 0;
  }
  table {
    border-collapse: collapse;
    font-size: 0.9rem;
  }
  th,
  td {
    padding: 0.3rem 0.6rem;
    border-bottom: 1px solid var(--lab-border);
    text-align: left;
    vertical-align: top;
  }
  th {
    font-weight: 600;
  }
  .align-center {
    text-align: center;
  }
  .align-right {
    text-align: right;
  }
  pre {
    padding: 0.6rem 0.8rem;
    border-radius: 0.5rem;
    background: var(--lab-terminal-bg);
    overflow-x: auto;
  }
  pre code {
    padding: 0;
    background: none;
  }
  a {
    color: var(--lab-accent);
  }
  .muted {
    color: var(--lab-text-muted);
  }
  .correct {
    color: var(--lab-success);
    font-weight: 600;
  }
  .done-badge {
    display: inline-block;
    margin-top: 0.8rem;
    padding: 0.2rem 0.6rem;
    border-radius: 999px;
    background: color-mix(in srgb, var(--lab-success) 18%, transparent);
    color: var(--lab-success);
    font-weight: 600;
    font-size: 0.85rem;
  }
`;

/** A boxed part of a step or challenge (checks, question, hints) and the hint notes inside. */
export const sectionStyles = css`
  section {
    margin-top: 1rem;
    padding: 0.7rem 0.8rem;
    border: 1px solid var(--lab-border);
    border-radius: 0.6rem;
    background: var(--lab-surface-raised);
  }
  .section-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .section-head h3 {
    margin: 0;
    font-size: 0.9rem;
  }
  .hint {
    margin: 0.2rem 0 0;
    padding: 0.3rem 0.5rem;
    border-left: 3px solid var(--lab-warning);
    color: var(--lab-text-muted);
    font-size: 0.85rem;
  }
  .hint strong {
    color: var(--lab-warning);
  }
  .muted {
    color: var(--lab-text-muted);
  }
  .correct {
    color: var(--lab-success);
    font-weight: 600;
  }
`;
