import i18next, { type i18n } from 'i18next';
import { LANGUAGES, type Language } from '../roles';
import enErrors from './locales/en/errors.json';
import enMessages from './locales/en/messages.json';
import enStatistics from './locales/en/statistics.json';
import urErrors from './locales/ur/errors.json';
import urMessages from './locales/ur/messages.json';
import urStatistics from './locales/ur/statistics.json';
import zhErrors from './locales/zh/errors.json';
import zhMessages from './locales/zh/messages.json';
import zhStatistics from './locales/zh/statistics.json';

/** Catalogues the server renders (errors, e-mails, notifications). The web app adds its own `web` namespace. */
export const serverResources = {
  en: { errors: enErrors, messages: enMessages, statistics: enStatistics },
  zh: { errors: zhErrors, messages: zhMessages, statistics: zhStatistics },
  ur: { errors: urErrors, messages: urMessages, statistics: urStatistics },
} as const;

export function isLanguage(x: unknown): x is Language {
  return typeof x === 'string' && (LANGUAGES as readonly string[]).includes(x);
}

/** Picks the best of our languages from an Accept-Language header (q-values honoured). */
export function negotiateLanguage(header: string | undefined, fallback: Language = 'en'): Language {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (isLanguage(base)) return base;
  }
  return fallback;
}

let server: i18n | undefined;
export function serverI18n(): i18n {
  if (!server) {
    server = i18next.createInstance();
    server.init({
      resources: serverResources,
      lng: 'en',
      fallbackLng: 'en',
      ns: ['errors', 'messages', 'statistics'],
      defaultNS: 'errors',
      interpolation: { escapeValue: false },
      initAsync: false,
    });
  }
  return server;
}

export function translate(lang: Language, key: string, params: Record<string, unknown> = {}): string {
  return serverI18n().getFixedT(lang)(key, params) as string;
}
