/**
 * Helpers for directive handlers: split a figure/table/box body into its caption,
 * source and note paragraphs, and read directive attributes.
 */
import type { Paragraph, RootContent, Text } from 'mdast';
import type { ElementContent } from 'hast';
import type { State } from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';

export interface Parts {
  caption?: Paragraph;
  source?: Paragraph;
  note?: Paragraph;
  body: RootContent[];
}

const SOURCE = /^\s*(Sources?|Note)\s*:\s*/i;

/** Remove the leading `Source:` / `Note:` words of a paragraph (they are printed by the template). */
export function stripLead(paragraph: Paragraph): Paragraph {
  const [first, ...rest] = paragraph.children;
  if (first?.type !== 'text') return paragraph;
  const value = (first as Text).value.replace(SOURCE, '');
  return {
    ...paragraph,
    children: value ? [{ ...(first as Text), value }, ...rest] : rest,
  };
}

/** First paragraph = caption (when `withCaption`); `Source:`/`Note:` paragraphs; the rest. */
export function splitParts(children: RootContent[], withCaption: boolean): Parts {
  const parts: Parts = { body: [] };
  children.forEach((child, index) => {
    if (child.type === 'paragraph') {
      const lead = SOURCE.exec(toString(child));
      if (lead) {
        if (/^note$/i.test(lead[1]!)) parts.note = child;
        else parts.source = child;
        return;
      }
      const onlyImage = child.children.every(
        (c) => c.type === 'image' || (c.type === 'text' && c.value.trim() === ''),
      );
      if (withCaption && index === 0 && !onlyImage) {
        parts.caption = child;
        return;
      }
    }
    parts.body.push(child);
  });
  return parts;
}

/** Inline content of a paragraph as hast. */
export function inline(state: State, paragraph: Paragraph | undefined): ElementContent[] {
  if (!paragraph) return [];
  return state.all(paragraph) as ElementContent[];
}

/** Block content as hast, with whitespace between blocks as remark-rehype does. */
export function blocks(state: State, nodes: RootContent[]): ElementContent[] {
  return state.wrap(
    nodes.flatMap((n) => {
      const out = state.one(n, undefined);
      return out === undefined ? [] : Array.isArray(out) ? out : [out];
    }) as ElementContent[],
    true,
  ) as ElementContent[];
}

/** The `#id` / `id=` of a directive. */
export function idOf(attributes: Record<string, string | null | undefined> | null | undefined) {
  return attributes?.id ?? undefined;
}
