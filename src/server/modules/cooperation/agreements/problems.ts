import { inArray } from 'drizzle-orm';
import { translate } from '../../../../shared/i18n';
import type { Db } from '../../../db/client';
import { users } from '../../../platform/accounts/accounts.tables';
import type { Tx } from '../../../platform/audit/audit';
import type { Ctx } from '../../../platform/context';
import { AppError, conflict } from '../../../platform/errors';
import type { AgreementProblem } from './scorecard';
import { isArea } from './taxonomy';

/** Catalogue keys of this area's errors (errors.json `cooperation.agreements.*`). */
export const E = (key: string) => `cooperation.agreements.${key}`;

/**
 * What is wrong with an input, field by field, gathered before anything is written and answered at once:
 * 422 validation_failed with each field's message in the reader's language (as a body that fails its schema).
 */
export class Problems {
  private list: { path: string; key: string; params: Record<string, unknown> }[] = [];
  add(path: string, key: string, params: Record<string, unknown> = {}) {
    this.list.push({ path, key: E(key), params });
  }
  addRules(problems: AgreementProblem[], prefix = '') {
    for (const p of problems) this.add(prefix + p.path, p.rule);
  }
  areas(areas: readonly string[] | undefined, path = 'areas') {
    areas?.forEach((area, i) => {
      if (!isArea(area)) this.add(`${path}.${i}`, 'unknown_area', { area });
    });
  }
  throwIfAny(ctx: Ctx) {
    if (!this.list.length) return;
    throw new AppError(
      422,
      'validation_failed',
      {},
      this.list.map((p) => ({ path: p.path, message: translate(ctx.lang, p.key, p.params), code: p.key })),
    );
  }
}

/** The user ids among these that are not users of Seedbed. */
export async function unknownUsers(db: Db | Tx, ids: (string | null | undefined)[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (!wanted.length) return new Set();
  const found = new Set((await db.select({ id: users.id }).from(users).where(inArray(users.id, wanted))).map((u) => u.id));
  return new Set(wanted.filter((id) => !found.has(id)));
}

export function checkVersion(row: { version: number }, version: number) {
  if (row.version !== version) throw conflict(E('stale_version'), { current: row.version });
}
