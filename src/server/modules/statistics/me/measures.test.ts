import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { rollupTotalsSql } from '../yearbook/measure';
import { scopeOf, seriesScopeFits } from './measures';

const dialect = new PgDialect();
const compiled = (q: ReturnType<typeof rollupTotalsSql>) => dialect.sqlToQuery(q);

describe('measure scopes', () => {
  it('reads national, a country, a province and a zone as parts of the survey rollups', () => {
    expect(scopeOf('national')).toEqual({});
    expect(scopeOf('country:PK')).toEqual({ country: 'PK' });
    expect(scopeOf('province:PK-PB')).toEqual({ province: 'PK-PB' });
    expect(scopeOf('zone:a2ece8ee-7f1a-46d5-9484-a32bc4d342a9')).toEqual({ zoneId: 'a2ece8ee-7f1a-46d5-9484-a32bc4d342a9' });
    expect(scopeOf('country:pk')).toBeNull();
    expect(scopeOf('nhz')).toBeNull();
    expect(scopeOf('zone:jinan')).toBeNull();
  });

  it('never measures a published series for a country', () => {
    expect(seriesScopeFits({ scope: 'national' }, 'country:PK')).toBe(false);
    expect(seriesScopeFits({ scope: 'nhz' }, 'national')).toBe(true);
  });
});

describe('rollup totals of a country', () => {
  it("sums the cells of the country's provinces, not the national sums", () => {
    const q = compiled(rollupTotalsSql(['tenants'], 'year', { entityType: 'incubator', country: 'PK' }));
    expect(q.sql).toContain('FROM stat_rollups WHERE');
    expect(q.sql).toMatch(/province = ANY\(ARRAY\(SELECT code FROM divisions WHERE country = \$\d+\)\)/);
    expect(q.params).toContain('PK');
  });

  it('leaves the national totals on the national sums', () => {
    const q = compiled(rollupTotalsSql(['tenants'], 'year', { entityType: 'incubator' }));
    expect(q.sql).toContain('FROM stat_rollups_national WHERE');
    expect(q.sql).not.toContain('divisions');
  });
});
