import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../db/client';
import { makeTestDatabase } from '../../test/harness';
import { tsvectorLiteral } from './search-index';
import { indexTerms } from './search-text';

describe('search entry lexemes', () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ database, drop } = await makeTestDatabase());
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  it('gives the same tsvector as a literal (for COPY) as through array_to_tsvector', async () => {
    const names = { en: 'Wuhan Huachuang Zhineng Keji Co., Ltd.', zh: '武汉华创智能科技有限公司', ur: 'کراچی ٹیکنالوجیز' };
    const terms = [...indexTerms(names), "it's", 'a\\b', "\\'", 'x:1', 'a b', '"q"', 'w:*', '&'];
    const literal = tsvectorLiteral(terms);
    const array = sql`ARRAY[${sql.join(
      terms.map((t) => sql`${t}`),
      sql`, `,
    )}]::text[]`;
    const [r] = await queryRows<{ same: boolean; n: number }>(
      database.db,
      sql`SELECT ${literal}::tsvector = array_to_tsvector(${array}) AS same, length(${literal}::tsvector) AS n`,
    );
    expect(r).toEqual({ same: true, n: new Set(terms).size });
  });
});
