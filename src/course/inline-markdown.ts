// The short texts of the course (check labels, hints, question prompts, challenge hints) are one line of
// inline markdown kept as strings in the course JSON: they are also spoken, reported and compared as
// text. This renders them as Lit templates, every piece bound as text, so content never injects HTML:
// `code`, **strong**, *emphasis* and http(s) links. The loader's emphasis rule
// (src/exercises/emphasis.ts, which shares INLINE_MARKDOWN) reports any asterisk this would show.
import { html, type TemplateResult } from "lit";
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
