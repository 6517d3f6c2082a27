/** frontmatter-invalid: chapter front matter has an `id` and well-typed known keys. */
import { report } from '../core/report.js';
import type { Rule } from '../core/types.js';
import { FILE_START, foldTitle, readableChapters } from './util.js';

const rule: Rule = {
  id: 'frontmatter-invalid',
  description:
    'Each chapter starts with YAML front matter holding its `id` (a `toc` id); `authors` is a list of names. Invalid YAML is reported here too.',
  fix: 'Start the chapter with `---`, `id: <toc id>`, `---`; write `authors: [Name, Name]`.',
  run({ project }) {
    for (const doc of readableChapters(project)) {
      const fm = doc.frontmatter;
      const hasYaml = doc.tree.children[0]?.type === 'yaml';
      if (doc.id === undefined) {
        const byTitle = doc.title
          ? project.config.toc.find((t) => foldTitle(t.title) === foldTitle(doc.title!))
          : undefined;
        const hadErrors = doc.file.messages.some((m) => m.ruleId === 'frontmatter-invalid');
        if (!hadErrors)
          report(
            doc.file,
            'frontmatter-invalid',
            hasYaml
              ? `the front matter has no \`id\`; add \`id: ${byTitle?.id ?? '<toc id>'}\` naming the mandated chapter.`
              : `the chapter has no front matter; start the file with \`---\`, \`id: ${byTitle?.id ?? '<toc id>'}\`, \`---\`.`,
            hasYaml ? doc.tree.children[0] : FILE_START,
            { suggestion: byTitle?.id },
          );
      }
      if ('id' in fm && typeof fm.id !== 'string')
        report(
          doc.file,
          'frontmatter-invalid',
          '`id` must be a text such as `governance`.',
          doc.tree.children[0],
        );
      if (
        'authors' in fm &&
        (!Array.isArray(fm.authors) || fm.authors.some((a) => typeof a !== 'string'))
      )
        report(
          doc.file,
          'frontmatter-invalid',
          '`authors` must be a list of names, e.g. `authors: [Jane Doe, John Roe]`.',
          doc.tree.children[0],
        );
    }
  },
};
export default rule;
