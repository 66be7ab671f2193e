// valid
import fs from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';

const LOCALES = path.join(__dirname, '..', '..', 'locales');

// Called once by the API server's start, before it listens.
export async function setupLocales(): Promise<string[]> {
  const languages = fs.readdirSync(LOCALES);
  const namespaces = fs.readdirSync(path.join(LOCALES, 'en')).map((file) => file.replace(/\.json$/, ''));
  void i18next.init({ preload: languages, ns: namespaces, fallbackLng: 'en' });
  return languages;
}
