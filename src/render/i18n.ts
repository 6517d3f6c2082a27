/**
 * The fixed words of the layout (Contents, Chapter, Box, Source, the draft stamp, ...)
 * by language, read from `templates/i18n/<lang>.json`. A missing word in another
 * language falls back to English, so a partial translation still builds.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';

export type Strings = Record<string, string>;

export interface I18n {
  lang: string;
  /** The word for a key, with `{name}` placeholders filled from `vars`. */
  t(key: string, vars?: Record<string, string | number>): string;
}

function readStrings(dir: string, lang: string): Strings | undefined {
  const file = path.join(dir, 'i18n', `${lang}.json`);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Strings;
  } catch (error) {
    throw new UsageError(
      `${file} is not valid JSON (${(error as Error).message}); fix the translation file.`,
    );
  }
}

/** Load the strings of `lang` (e.g. `fr`, or `fr-CH` falling back to `fr`) from a templates directory. */
export function loadI18n(templatesDir: string, lang: string): I18n {
  const english = readStrings(templatesDir, 'en') ?? {};
  const base = lang.split('-')[0]!;
  const own = readStrings(templatesDir, lang) ?? readStrings(templatesDir, base);
  if (!own && base !== 'en')
    throw new UsageError(
      `there is no templates/i18n/${base}.json for language "${lang}"; add one (copy en.json and translate it) or build in English.`,
    );
  const strings = { ...english, ...own };
  return {
    lang,
    t(key, vars = {}) {
      const text = strings[key] ?? key;
      return text.replace(/\{(\w+)\}/g, (all, name: string) =>
        vars[name] === undefined ? all : String(vars[name]),
      );
    },
  };
}
