import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/roles';
import en from '../../shared/i18n/locales/en/web.json';
import ur from '../../shared/i18n/locales/ur/web.json';
import zh from '../../shared/i18n/locales/zh/web.json';
import enSurvey from '../../shared/i18n/locales/en/survey.json';
import enYearbook from '../../shared/i18n/locales/en/yearbook.json';
import enMe from '../../shared/i18n/locales/en/me.json';
import enTechmarket from '../../shared/i18n/locales/en/techmarket.json';
import enCooperation from '../../shared/i18n/locales/en/cooperation.json';
import urSurvey from '../../shared/i18n/locales/ur/survey.json';
import urYearbook from '../../shared/i18n/locales/ur/yearbook.json';
import urMe from '../../shared/i18n/locales/ur/me.json';
import urTechmarket from '../../shared/i18n/locales/ur/techmarket.json';
import urCooperation from '../../shared/i18n/locales/ur/cooperation.json';
import zhSurvey from '../../shared/i18n/locales/zh/survey.json';
import zhYearbook from '../../shared/i18n/locales/zh/yearbook.json';
import zhMe from '../../shared/i18n/locales/zh/me.json';
import zhTechmarket from '../../shared/i18n/locales/zh/techmarket.json';
import zhCooperation from '../../shared/i18n/locales/zh/cooperation.json';
import { applyDocumentLanguage, initialLanguage, isLanguage } from './language';

export const i18n = i18next.createInstance();

i18n.use(initReactI18next).init({
  resources: {
    en: { web: en, survey: enSurvey, yearbook: enYearbook, me: enMe, techmarket: enTechmarket, cooperation: enCooperation },
    zh: { web: zh, survey: zhSurvey, yearbook: zhYearbook, me: zhMe, techmarket: zhTechmarket, cooperation: zhCooperation },
    ur: { web: ur, survey: urSurvey, yearbook: urYearbook, me: urMe, techmarket: urTechmarket, cooperation: urCooperation },
  },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: ['en', 'zh', 'ur'],
  ns: ['web', 'survey', 'yearbook', 'me', 'techmarket', 'cooperation'],
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
