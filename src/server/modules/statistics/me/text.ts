import i18next, { type TFunction } from 'i18next';
import en from '../../../../shared/i18n/locales/en/me.json';
import ur from '../../../../shared/i18n/locales/ur/me.json';
import zh from '../../../../shared/i18n/locales/zh/me.json';
import type { Language } from '../../../../shared/roles';

/** The web's `me` catalogue, read on the server too (PDF report, validation messages): one text, three languages. */
const instance = i18next.createInstance();
instance.init({
  resources: { en: { me: en }, zh: { me: zh }, ur: { me: ur } },
  lng: 'en',
  fallbackLng: 'en',
  ns: ['me'],
  defaultNS: 'me',
  interpolation: { escapeValue: false },
  initAsync: false,
});

export function meT(lang: Language): TFunction {
  return instance.getFixedT(lang, 'me');
}
