// Renders the course's prose, compiled at build time into a tree (src/exercises/markdown-model.ts), as
// Lit templates. Every piece of text is bound as text and every element is written here, so content can
// never inject HTML (no unsafeHTML), and the page ships no markdown parser.
import { html, nothing, type TemplateResult } from "lit";
import type { MarkdownBlock, MarkdownInline, MarkdownTree, TableAlign } from "../exercises/markdown-model.ts";

export function renderMarkdown(tree: MarkdownTree): TemplateResult {
  return tree.length > 0 ? html`${tree.map((node) => renderBlock(node, false))}` : html`${nothing}`;
}

/** `tight`: inside an item of a tight list, where a paragraph is its text alone (as CommonMark's HTML). */
function renderBlock(node: MarkdownBlock, tight: boolean): TemplateResult {
  switch (node.type) {
    case "paragraph":
      return tight ? html`${renderInlines(node.children)}` : html`<p>${renderInlines(node.children)}</p>`;
    case "heading":
      return renderHeading(node.depth, renderInlines(node.children));
    case "list": {
      const items = node.items.map((item) => html`<li>${item.map((child) => renderBlock(child, node.spread !== true))}</li>`);
      if (!node.ordered) return html`<ul>${items}</ul>`;
      return node.start !== undefined ? html`<ol start=${node.start}>${items}</ol>` : html`<ol>${items}</ol>`;
    }
    case "blockquote":
      return html`<blockquote>${node.children.map((child) => renderBlock(child, false))}</blockquote>`;
    case "code":
      return html`<pre><code>${node.value}</code></pre>`;
    case "table":
      return renderTable(node.align, node.rows);
    case "thematicBreak":
      return html`<hr />`;
  }
}

/** The step's title is an h3: the prose's own headings sit below it (`###` and above are h4). */
function renderHeading(depth: number, content: TemplateResult[]): TemplateResult {
  if (depth <= 3) return html`<h4>${content}</h4>`;
  if (depth === 4) return html`<h5>${content}</h5>`;
  return html`<h6>${content}</h6>`;
}

function renderTable(align: readonly TableAlign[], rows: readonly (readonly (readonly MarkdownInline[])[])[]): TemplateResult {
  const [head, ...body] = rows;
  // A class, not a style attribute: the Content-Security-Policy allows no inline styles.
  const cls = (column: number): string => (align[column] ? `align-${align[column]}` : "");
  return html`<div class="table-scroll">
    <table>
      <thead>
        <tr>${(head ?? []).map((cell, i) => html`<th scope="col" class=${cls(i)}>${renderInlines(cell)}</th>`)}</tr>
      </thead>
      <tbody>
        ${body.map((row) => html`<tr>${row.map((cell, i) => html`<td class=${cls(i)}>${renderInlines(cell)}</td>`)}</tr>`)}
      </tbody>
    </table>
  </div>`;
}

function renderInlines(nodes: readonly MarkdownInline[]): TemplateResult[] {
  return nodes.map(renderInlineNode);
}

function renderInlineNode(node: MarkdownInline): TemplateResult {
  if (typeof node === "string") return html`${node}`;
  switch (node.type) {
    case "inlineCode":
      return html`<code>${node.value}</code>`;
    case "strong":
      return html`<strong>${renderInlines(node.children)}</strong>`;
    case "emphasis":
      return html`<em>${renderInlines(node.children)}</em>`;
    case "break":
      return html`<br />`;
    case "link":
      return html`<a href=${node.url} target="_blank" rel="noopener noreferrer">${renderInlines(node.children)}</a>`;
  }
}
