// A small markdown renderer for the exercises' prose, producing Lit templates: every piece of text is
// bound as text, so content can never inject HTML. Supports what the content uses: paragraphs,
// headings, bullet and numbered lists, fenced code, `code`, **strong**, *emphasis* and http(s) links.
import { html, nothing, type TemplateResult } from "lit";
// The validator (src/exercises/emphasis.ts) reports every asterisk this pattern leaves as text.
import { INLINE_MARKDOWN as INLINE } from "../exercises/emphasis.ts";

type Inline = TemplateResult | string;

export function renderInline(text: string): Inline[] {
  const parts: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const index = match.index;
    if (index > last) parts.push(text.slice(last, index));
    if (match[2] !== undefined) parts.push(html`<code>${match[2]}</code>`);
    else if (match[3] !== undefined) parts.push(html`<strong>${renderInline(match[3])}</strong>`);
    else if (match[4] !== undefined) parts.push(html`<em>${renderInline(match[4])}</em>`);
    else if (match[5] !== undefined) parts.push(html`<a href=${match[6]!} target="_blank" rel="noopener noreferrer">${match[5]}</a>`);
    last = index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

export function renderMarkdown(markdown: string): TemplateResult {
  const lines = markdown.replace(/\r\n/g, "\n").split("\n");
  const blocks: TemplateResult[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim()) {
      i++;
      continue;
    }
    const fence = /^\s*```/.exec(line);
    if (fence) {
      const code: string[] = [];
      i++;
      while (i < lines.length && !/^\s*```/.test(lines[i]!)) code.push(lines[i++]!);
      i++;
      blocks.push(html`<pre><code>${code.join("\n")}</code></pre>`);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*(\{#[\w-]+\})?$/.exec(line);
    if (heading) {
      blocks.push(html`<h4>${renderInline(heading[2]!)}</h4>`);
      i++;
      continue;
    }
    const bullet = /^\s*[-*]\s+/;
    const numbered = /^\s*\d+\.\s+/;
    if (bullet.test(line) || numbered.test(line)) {
      const marker = bullet.test(line) ? bullet : numbered;
      const items: string[] = [];
      while (i < lines.length && lines[i]!.trim()) {
        const current = lines[i]!;
        if (marker.test(current)) items.push(current.replace(marker, ""));
        else if (items.length > 0) items[items.length - 1] += ` ${current.trim()}`;
        i++;
      }
      const rendered = items.map((item) => html`<li>${renderInline(item)}</li>`);
      blocks.push(marker === bullet ? html`<ul>${rendered}</ul>` : html`<ol>${rendered}</ol>`);
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && lines[i]!.trim() && !/^\s*```/.test(lines[i]!) && !/^#{1,6}\s/.test(lines[i]!) && !bullet.test(lines[i]!)) {
      paragraph.push(lines[i]!.trim());
      i++;
    }
    if (paragraph.length === 0) {
      i++;
      continue;
    }
    blocks.push(html`<p>${renderInline(paragraph.join(" "))}</p>`);
  }
  return blocks.length > 0 ? html`${blocks}` : html`${nothing}`;
}
