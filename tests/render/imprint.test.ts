// The imprint's variable lines: Sales No./ISBN placeholders in drafts, the languages line, per language.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type Config } from '../../src/core/config-schema.js';
import { PACKAGED_TEMPLATES } from '../../src/render/document.js';
import { loadI18n } from '../../src/render/i18n.js';
import { imprintValues, joinList } from '../../src/render/imprint.js';

const config = (over: Record<string, unknown>): Config =>
  ({ ...DEFAULT_CONFIG, ...over }) as Config;

describe('imprintValues', () => {
  const en = loadI18n(PACKAGED_TEMPLATES, 'en');
  it('prints "to be assigned" in drafts and nothing in a final edition when a number is missing', () => {
    const draft = imprintValues(config({ isbn: '978-92-1-117250-8' }), 'first', en);
    expect(draft.imprint_sales).toBe('Sales No. to be assigned');
    expect(draft.imprint_isbn).toBe('ISBN: 978-92-1-117250-8');
    expect(draft.imprint_eisbn).toBe('eISBN: to be assigned');
    expect(draft.imprint_issn).toBe('');
    const final = imprintValues(config({ sales_number: 'E.20.II.E.12' }), 'final', en);
    expect(final.imprint_sales).toBe('Sales No. E.20.II.E.12');
    expect(final.imprint_isbn).toBe('');
  });

  it('names the languages in the United Nations order, without a serial comma', () => {
    const c = config({ language: 'en', languages: ['ru', 'fr'] });
    expect(imprintValues(c, 'first', en).imprint_languages).toBe(
      'This publication is issued in English, French and Russian.',
    );
    expect(imprintValues(c, 'first', loadI18n(PACKAGED_TEMPLATES, 'fr')).imprint_languages).toBe(
      'La présente publication est disponible en anglais, français et russe.',
    );
    expect(imprintValues(c, 'first', loadI18n(PACKAGED_TEMPLATES, 'ru')).imprint_languages).toBe(
      'Настоящая публикация издается на английском, французском и русском языках.',
    );
    expect(imprintValues(config({}), 'first', en).imprint_languages).toBe('');
    expect(joinList(['a', 'b'], 'and')).toBe('a and b');
  });
});
