import { queryOptions } from '@tanstack/react-query';
import type { Call, CallSummary, Program, Text3 } from '../../../../shared/contracts/funding';
import type { Language } from '../../../../shared/roles';
import type { Rule } from '../../../../server/modules/funding/eligibility/rules';
import { get } from '../../../app/api';
import { languageTag } from '../../../app/language';

export type { Call, CallSummary, Program, Rule };

export const CK = {
  all: ['funding', 'calls'] as const,
  list: (q: Record<string, unknown>) => ['funding', 'calls', 'list', q] as const,
  one: (id: string) => ['funding', 'calls', 'one', id] as const,
  programs: ['funding', 'programs'] as const,
  templates: ['funding', 'rule-templates'] as const,
};

export const callsQuery = (q: { phase?: string; status?: string } = {}) =>
  queryOptions({ queryKey: CK.list(q), queryFn: () => get<{ items: CallSummary[]; total: number }>('/api/v1/funding/calls', { ...q, limit: 200 }) });
export const callQuery = (id: string) => queryOptions({ queryKey: CK.one(id), queryFn: () => get<Call>(`/api/v1/funding/calls/${id}`) });
export const programsQuery = queryOptions({ queryKey: CK.programs, queryFn: () => get<{ items: Program[]; total: number }>('/api/v1/funding/programs') });
export const ruleTemplatesQuery = queryOptions({
  queryKey: CK.templates,
  queryFn: () => get<{ defaults: Rule[]; templates: Rule[] }>('/api/v1/funding/rule-templates'),
  staleTime: Number.POSITIVE_INFINITY,
});

/** A three-language text in the reader's language, else English; with the language it is really in. */
export function text3(t: Partial<Text3> | null | undefined, lng: Language): { text: string; lang: Language } {
  if (!t) return { text: '', lang: 'en' };
  const own = t[lng];
  return own ? { text: own, lang: lng } : { text: t.en ?? '', lang: 'en' };
}
export const t3 = (t: Partial<Text3> | null | undefined, lng: Language) => text3(t, lng).text;

export function money(n: number | null | undefined, currency: string, lng: Language) {
  if (n === null || n === undefined) return '';
  return new Intl.NumberFormat(languageTag(lng), { style: 'currency', currency, maximumFractionDigits: 0 }).format(n);
}

/** An instant as the call states it: in the call's time zone, named. */
export function inCallZone(iso: string, timeZone: string, lng: Language) {
  const s = new Intl.DateTimeFormat(languageTag(lng), { dateStyle: 'long', timeStyle: 'short', timeZone, hourCycle: 'h23' }).format(new Date(iso));
  return `${s} (${timeZone})`;
}

export const PHASE_COLOR = { upcoming: 'gray', accepting: 'teal', ended: 'dark' } as const;
