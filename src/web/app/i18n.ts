import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/roles';
import en from '../../shared/i18n/locales/en/web.json';
import ur from '../../shared/i18n/locales/ur/web.json';
import zh from '../../shared/i18n/locales/zh/web.json';
import { applyDocumentLanguage, initialLanguage, isLanguage } from './language';

export const i18n = i18next.createInstance();

i18n.use(initReactI18next).init({
  resources: { en: { web: en }, zh: { web: zh }, ur: { web: ur } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: ['en', 'zh', 'ur'],
  ns: ['web'],
  defaultNS: 'web',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

applyDocumentLanguage(currentLanguage());
i18n.on('languageChanged', (lng) => {
  if (isLanguage(lng)) applyDocumentLanguage(lng);
});

export function currentLanguage(): Language {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(lng) ? lng : 'en';
}
