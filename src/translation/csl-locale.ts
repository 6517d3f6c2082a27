/**
 * CSL locales for the editions in other languages. citation-js bundles en-US,
 * fr-FR, de-DE, es-ES and nl-NL only, and silently formats in English when a
 * locale is missing; a locale file in `templates/locales/locales-<xx-XX>.xml`
 * (the CSL project's naming) is registered before formatting, so the Russian
 * edition cites in Russian.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';

interface Register {
  has(name: string): boolean;
  add(name: string, xml: string): void;
  set?(name: string, xml: string): void;
}

/** The CSL locale of a language code, as the cite stage names it (`ru` -> `ru-RU`, `en` -> `en-GB`). */
export function cslLocaleName(lang: string): string {
  if (lang.includes('-')) return lang;
  return `${lang}-${lang === 'en' ? 'GB' : lang.toUpperCase()}`;
}

/**
 * Register `templates/locales/locales-<locale>.xml` with citation-js when it
 * exists (a project file wins over the bundled one). Returns the file used, if any.
 */
export function registerCslLocale(templates: string, lang: string): string | undefined {
  const name = cslLocaleName(lang);
  const file = path.join(templates, 'locales', `locales-${name}.xml`);
  if (!existsSync(file)) return undefined;
  const locales = plugins.config.get('@csl').locales as Register;
  const xml = readFileSync(file, 'utf8');
  if (locales.has(name) && locales.set) locales.set(name, xml);
  else if (!locales.has(name)) locales.add(name, xml);
  return file;
}
