import type { Language } from '../../../shared/roles';
import { languageTag } from '../../app/language';

export const DASH = '—';
const DAY = 86_400_000;
/** A published listing this close to its expiry may be renewed already (the owner is reminded). */
export const RENEW_WINDOW_DAYS = 30;

/** An amount in its own currency (never converted): "CNY 1,200,000", "¥1,200,000", "Rs 1,200,000" as Intl writes it. */
export function formatMoney(amount: number | null | undefined, currency: string | null | undefined, lng: Language): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return DASH;
  const tag = languageTag(lng);
  if (!currency) return new Intl.NumberFormat(tag, { maximumFractionDigits: 2 }).format(amount);
  try {
    return new Intl.NumberFormat(tag, { style: 'currency', currency, maximumFractionDigits: Number.isInteger(amount) ? 0 : 2 }).format(amount);
  } catch {
    return `${new Intl.NumberFormat(tag, { maximumFractionDigits: 2 }).format(amount)} ${currency}`;
  }
}

/** A large amount for an axis or a card: "1.2M", "1.2亿", short as the language writes it. */
export function formatCompact(v: number | null | undefined, lng: Language): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  return new Intl.NumberFormat(languageTag(lng), { notation: 'compact', maximumFractionDigits: 1 }).format(v);
}

export function formatCount(v: number | null | undefined, lng: Language): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  return new Intl.NumberFormat(languageTag(lng), { maximumFractionDigits: 0 }).format(v);
}

/** A published figure with the decimals it was published with (1,140.7; 15.97), up to two. */
export function formatPublished(v: number | null | undefined, lng: Language): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  return new Intl.NumberFormat(languageTag(lng), { maximumFractionDigits: 2 }).format(v);
}

export function formatPercent(v: number | null | undefined, lng: Language): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  return new Intl.NumberFormat(languageTag(lng), { style: 'percent', maximumFractionDigits: 1 }).format(v);
}

/**
 * A calendar date (deadline, signing date: `YYYY-MM-DD`) or the day of a timestamp. Date-only strings are read
 * as UTC and written in UTC, so 2026-03-01 stays 1 March whatever the reader's time zone.
 */
export function formatDay(iso: string | null | undefined, lng: Language): string {
  if (!iso) return DASH;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const d = new Date(dateOnly ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(languageTag(lng), { dateStyle: 'medium', ...(dateOnly ? { timeZone: 'UTC' } : {}) }).format(d);
}

export type Expiry = 'expired' | 'soon' | 'current';

/** Where a listing stands against its expiry date (none: it does not expire, e.g. a draft). */
export function expiryOf(expiresAt: string | null | undefined, now: Date = new Date()): Expiry | null {
  if (!expiresAt) return null;
  const t = new Date(expiresAt).getTime();
  if (Number.isNaN(t)) return null;
  if (t <= now.getTime()) return 'expired';
  return t - now.getTime() <= RENEW_WINDOW_DAYS * DAY ? 'soon' : 'current';
}

/** Whole days left before a date (0 on the day itself; negative once past). */
export function daysLeft(iso: string, now: Date = new Date()): number {
  return Math.ceil((new Date(iso).getTime() - now.getTime()) / DAY);
}

/** "TRL 4–7", "TRL 4+", "TRL ≤ 7" for a range filter; null when the range is open at both ends. */
export function trlRange(min: number | undefined, max: number | undefined): { key: 'between' | 'from' | 'upTo'; min?: number; max?: number } | null {
  if (min !== undefined && max !== undefined) return { key: 'between', min, max };
  if (min !== undefined) return { key: 'from', min };
  if (max !== undefined) return { key: 'upTo', max };
  return null;
}
