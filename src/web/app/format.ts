import type { Language } from '../../shared/roles';
import { languageTag } from './language';

export function formatDateTime(iso: string | null | undefined, lng: Language): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(languageTag(lng), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function formatNumber(n: number, lng: Language): string {
  return new Intl.NumberFormat(languageTag(lng)).format(n);
}
