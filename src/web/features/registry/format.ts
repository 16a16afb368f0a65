import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/roles';
import { formatNumber } from '../../app/format';
import { languageTag } from '../../app/language';

/** YYYY, YYYY-MM or YYYY-MM-DD as the reader writes it: "1988", "May 1988", "5 May 1988". */
export function formatPartialDate(value: unknown, lng: Language): string {
  if (typeof value !== 'string') return '';
  const m = value.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/);
  if (!m) return value;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1));
  const opts: Intl.DateTimeFormatOptions = d ? { dateStyle: 'long' } : mo ? { year: 'numeric', month: 'long' } : { year: 'numeric' };
  return new Intl.DateTimeFormat(languageTag(lng), { ...opts, timeZone: 'UTC' }).format(date);
}

export function formatUsd(amount: unknown, lng: Language, t: TFunction): string {
  return typeof amount === 'number' ? t('registry.usd', { amount: formatNumber(amount, lng) }) : '';
}

export function formatPercent(share: unknown, lng: Language): string {
  return typeof share === 'number' ? new Intl.NumberFormat(languageTag(lng), { style: 'percent', maximumFractionDigits: 1 }).format(share) : '';
}

/** The script a native name is written in, for its `lang` attribute. */
export function scriptOf(text: string): Language {
  if (/[\u4e00-\u9fff]/.test(text)) return 'zh';
  if (/[\u0600-\u06ff]/.test(text)) return 'ur';
  return 'en';
}
