import type { OrgRef, Texts } from '../cooperation.tables';

/**
 * The state of a focal person's row (issue 7, focal-person network). seeds/000: focal persons were appointed in
 * Hangzhou and Ningbo for the cooperation with Pakistan, while Jinan promised to allocate one — a promise with no
 * name yet is an open slot. A term that has ended stays as history.
 */
export type FocalState = 'appointed' | 'open' | 'ended';

export function focalState(row: { personId: string | null; personName: string | null; endedOn: string | null }): FocalState {
  if (row.personId === null && (row.personName === null || row.personName.trim() === '')) return 'open';
  if (row.endedOn !== null) return 'ended';
  return 'appointed';
}

/**
 * The post a focal person holds: the same organisation (its registry entity, else its name and country) and the
 * same topic. Successive holders of a post make its history.
 */
export function postKey(row: { organisation: OrgRef; topic: Texts }): string {
  const org = row.organisation.entityId ? `id:${row.organisation.entityId}` : `name:${row.organisation.country}:${row.organisation.name.trim().toLowerCase()}`;
  const topic = (['en', 'zh', 'ur'] as const).map((l) => (row.topic[l] ?? '').trim().toLowerCase()).join('|');
  return `${org}#${topic}`;
}
