import { createHash } from 'node:crypto';
import type { AnswerValue, ApplicationForm, FormField, Instrument, InstrumentKind } from '../../../../shared/contracts/funding';
import { allFields, visibleFieldKeys } from '../../../../shared/funding-form';

/**
 * Pure rules of an application form: which fields are visible given the answers (a field is shown when
 * the field it depends on is itself shown and has one of the listed values), whether the answers are
 * complete and well-typed, which eligibility facts they supply, and the canonical content whose SHA-256
 * is the receipt's hash.
 */

export type Answers = Record<string, AnswerValue | undefined>;
export type Issue = { path: string; code: string; params?: Record<string, unknown> };

export { allFields, visibleFieldKeys };

const isBlank = (v: AnswerValue | undefined) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Type problems of one answer (blank answers are the business of `required`). */
export function checkAnswer(field: FormField, value: AnswerValue | undefined): Issue | null {
  if (isBlank(value)) return null;
  const path = `answers.${field.key}`;
  switch (field.type) {
    case 'text':
    case 'longtext': {
      if (typeof value !== 'string') return { path, code: 'not_text' };
      const limit = field.max ?? (field.type === 'text' ? 500 : 20_000);
      if (value.length > limit) return { path, code: 'too_long', params: { max: limit } };
      if (field.min !== undefined && value.trim().length < field.min) return { path, code: 'too_short', params: { min: field.min } };
      return null;
    }
    case 'number':
    case 'money': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { path, code: 'not_number' };
      if (field.type === 'money' && value < 0) return { path, code: 'below_min', params: { min: 0 } };
      if (field.min !== undefined && value < field.min) return { path, code: 'below_min', params: { min: field.min } };
      if (field.max !== undefined && value > field.max) return { path, code: 'above_max', params: { max: field.max } };
      return null;
    }
    case 'date':
      return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value)) ? null : { path, code: 'not_date' };
    case 'boolean':
      return typeof value === 'boolean' ? null : { path, code: 'not_boolean' };
    case 'select':
      return typeof value === 'string' && field.options?.some((o) => o.value === value) ? null : { path, code: 'not_an_option' };
    case 'multiselect':
      return Array.isArray(value) && value.every((v) => field.options?.some((o) => o.value === v)) ? null : { path, code: 'not_an_option' };
    case 'file':
      return null; // files are attachments, counted by the caller
  }
}

/**
 * What stands between these answers and a submission: missing required answers (visible fields only),
 * answers of the wrong type, too many or too few files, and an instrument/amount outside the call's offer.
 */
export function validateSubmission(input: {
  form: ApplicationForm;
  answers: Answers;
  attachmentCounts: Record<string, number>;
  instruments: Instrument[];
  instrument: InstrumentKind | null;
  requestedAmount: number | null;
}): Issue[] {
  const issues: Issue[] = [];
  const visible = visibleFieldKeys(input.form, input.answers);
  for (const field of allFields(input.form)) {
    if (!visible.has(field.key)) continue;
    if (field.type === 'file') {
      const n = input.attachmentCounts[field.key] ?? 0;
      if (field.required && n === 0) issues.push({ path: `answers.${field.key}`, code: 'required' });
      if (n > (field.maxFiles ?? 1)) issues.push({ path: `answers.${field.key}`, code: 'too_many_files', params: { max: field.maxFiles ?? 1 } });
      continue;
    }
    const value = input.answers[field.key];
    if (field.required && isBlank(value)) {
      issues.push({ path: `answers.${field.key}`, code: 'required' });
      continue;
    }
    const problem = checkAnswer(field, value);
    if (problem) issues.push(problem);
  }
  issues.push(...checkRequest(input.instruments, input.instrument, input.requestedAmount, true));
  return issues;
}

/** The instrument must be one the call offers, and the amount inside its range. */
export function checkRequest(instruments: Instrument[], instrument: InstrumentKind | null, amount: number | null, requireBoth: boolean): Issue[] {
  if (!instrument) return requireBoth ? [{ path: 'instrument', code: 'required' }] : [];
  const offer = instruments.find((i) => i.kind === instrument);
  if (!offer) return [{ path: 'instrument', code: 'not_offered' }];
  if (amount === null) return requireBoth ? [{ path: 'requestedAmount', code: 'required' }] : [];
  if (offer.min !== undefined && amount < offer.min) return [{ path: 'requestedAmount', code: 'below_min', params: { min: offer.min } }];
  if (offer.max !== undefined && amount > offer.max) return [{ path: 'requestedAmount', code: 'above_max', params: { max: offer.max } }];
  return [];
}

/** Eligibility facts the answers supply: each visible field that names a `fact`, when answered. */
export function factsFromAnswers(form: ApplicationForm, answers: Answers): Record<string, unknown> {
  const visible = visibleFieldKeys(form, answers);
  const facts: Record<string, unknown> = {};
  for (const field of allFields(form)) {
    if (!field.fact || !visible.has(field.key)) continue;
    const value = answers[field.key];
    if (isBlank(value)) continue;
    if (field.type === 'boolean' && typeof value !== 'boolean') continue;
    if ((field.type === 'number' || field.type === 'money') && typeof value !== 'number') continue;
    facts[field.fact] = value;
  }
  return facts;
}

/** Only the answers of visible fields are submitted: a hidden branch's leftovers are not part of the application. */
export function submittedAnswers(form: ApplicationForm, answers: Answers): Record<string, AnswerValue> {
  const visible = visibleFieldKeys(form, answers);
  const out: Record<string, AnswerValue> = {};
  for (const field of allFields(form)) {
    const v = answers[field.key];
    if (field.type !== 'file' && visible.has(field.key) && v !== undefined) out[field.key] = v;
  }
  return out;
}

/** JSON with object keys sorted at every level: the same content always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export type SubmittedContent = {
  callId: string;
  enterpriseId: string;
  answers: Record<string, AnswerValue>;
  instrument: InstrumentKind | null;
  requestedAmount: number | null;
  currency: string;
  attachments: { fieldKey: string; name: string; sha256: string }[];
};

/** SHA-256 (hex) of the canonical JSON of what was submitted; attachments count by their own SHA-256. */
export function contentHash(content: SubmittedContent): string {
  const attachments = [...content.attachments].sort((a, b) => canonicalJson(a).localeCompare(canonicalJson(b)));
  return createHash('sha256')
    .update(canonicalJson({ ...content, attachments }))
    .digest('hex');
}
