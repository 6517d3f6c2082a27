/**
 * remark plugin: undo text directives written without a label or attributes.
 *
 * The generic directive syntax turns any `:word` into a text directive, so prose
 * such as `@box:open-data` or `Geneva:Palais` would lose its text. A directive
 * that is exactly `:name` in the source is put back as plain text, and the text
 * around it is merged, before citations and cross-references are read.
 * (Hand-written: remark-directive has no option for this.)
 */
import type { Root, Parent, RootContent, Text } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

export default function restoreBareDirectives() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value ?? '');
    visit(tree, (node) => {
      const parent = node as Parent;
      if (!Array.isArray(parent.children)) return;
      let changed = false;
      const out: RootContent[] = [];
      for (const child of parent.children) {
        let next: RootContent = child;
        if (child.type === 'textDirective' && child.position) {
          const slice = source.slice(child.position.start.offset, child.position.end.offset);
          if (slice === `:${child.name}`) {
            next = { type: 'text', value: slice, position: child.position } as Text;
            changed = true;
          }
        }
        const prev = out.at(-1);
        if (next.type === 'text' && prev?.type === 'text' && changed) {
          prev.value += next.value;
          if (prev.position && next.position)
            prev.position = { start: prev.position.start, end: next.position.end };
        } else out.push(next);
      }
      if (changed) parent.children = out as Parent['children'];
    });
  };
}
