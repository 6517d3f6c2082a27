/**
 * The imprint page's variable lines, filled into templates/publication.html:
 * Sales No., ISBN, eISBN and ISSN from manuscript.yaml (`sales_number`, `isbn`,
 * `eisbn`, `issn`), printed "to be assigned" in drafts when absent and left out
 * of a final edition; and "This publication is issued in English, French and
 * Russian" when manuscript.yaml lists `languages`. Every word comes from
 * templates/i18n/<lang>.json so an editor can change it.
 */
import type { Config } from '../core/config-schema.js';
import type { Stage } from '../core/types.js';
import type { I18n } from './i18n.js';

/** "A", "A and B", "A, B and C" (no serial comma, as the UN Editorial Manual writes lists). */
export function joinList(items: string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number'
    ? String(value).trim() || undefined
    : undefined;

/** Template values `imprint_sales`, `imprint_isbn`, `imprint_eisbn`, `imprint_issn`, `imprint_languages`. */
export function imprintValues(config: Config, draft: Stage, i18n: I18n): Record<string, string> {
  const values: Record<string, string> = {};
  const line = (key: string, field: string, always: boolean) => {
    const value =
      text(config[field]) ?? (draft !== 'final' && always ? i18n.t('to-be-assigned') : undefined);
    values[`imprint_${key}`] = value ? i18n.t(`imprint-${key}`, { value }) : '';
  };
  line('sales', 'sales_number', true);
  line('isbn', 'isbn', true);
  line('eisbn', 'eisbn', true);
  // Only serials have an ISSN: printed when manuscript.yaml gives one.
  line('issn', 'issn', false);
  const others = Array.isArray(config.languages) ? config.languages.map(String) : [];
  const main = (config.language ?? 'en').split('-')[0]!;
  // The United Nations' order of its languages (alphabetical in English).
  const order = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
  const rank = (l: string) => (order.includes(l) ? order.indexOf(l) : order.length);
  const all = [main, ...others.map((l) => l.split('-')[0]!)].sort((a, b) => rank(a) - rank(b));
  values.imprint_languages =
    others.length > 0
      ? i18n.t('imprint-languages', {
          list: joinList(
            [...new Set(all)].map((l) => i18n.t(`language-${l}`)),
            i18n.t('and'),
          ),
        })
      : '';
  return values;
}
