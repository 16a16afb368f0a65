import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../../platform/context';
import { makeTestApp, type TestApp } from '../../../test/harness';
import { loadReference } from '../../registry/reference/load-reference';
import { loadStatisticsReference } from '../../statistics/reference/load-statistics-reference';
import { rollupDifferences } from '../stats/rollups';
import { loadDemoContracts } from './demo-contracts';

describe('demo technology contracts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
    const ctx = systemCtx(t.database, t.config, pino({ level: 'silent' }), 'test');
    await loadReference(ctx);
    await loadStatisticsReference(ctx);
  }, 120_000);
  afterAll(() => t.close());

  it('registers a few dozen synthetic contracts once, through the service, and the statistics count them', async () => {
    const ctx = systemCtx(t.database, t.config, pino({ level: 'silent' }), 'demo');
    expect(await loadDemoContracts(ctx)).toEqual({ created: 39 });
    expect(await loadDemoContracts(ctx)).toEqual({ created: 0 });
    expect(await rollupDifferences(t.database.db)).toEqual([]);
    const byKind = (await t.app.inject({ method: 'GET', url: '/api/v1/techmarket/stats' })).json();
    expect(byKind).toMatchObject({ currency: 'CNY', synthetic: true });
    expect(byKind.currencies).toEqual(expect.arrayContaining(['CNY', 'USD', 'PKR']));
    expect(byKind.rows.map((r: { key: string }) => r.key).sort()).toEqual(['consulting', 'development', 'service', 'transfer']);
    expect(byKind.crossBorderShare.count).toBeGreaterThan(0);
    expect(byKind.crossBorderShare.count).toBeLessThan(1);
    const byYear = (await t.app.inject({ method: 'GET', url: '/api/v1/techmarket/stats?by=year' })).json();
    expect(byYear.rows.map((r: { key: string }) => r.key)).toEqual(['2019', '2020', '2021', '2022', '2023', '2024', '2025']);
    const byCountry = (await t.app.inject({ method: 'GET', url: '/api/v1/techmarket/stats?by=country' })).json();
    expect(byCountry.rows.map((r: { key: string }) => r.key)).toEqual(expect.arrayContaining(['CN→CN', 'CN→PK', 'PK→CN']));
    const byRegion = (await t.app.inject({ method: 'GET', url: '/api/v1/techmarket/stats?by=region' })).json();
    expect(byRegion.rows.map((r: { key: string }) => r.key).sort()).toEqual(['110000', '330000']);
  });
});
