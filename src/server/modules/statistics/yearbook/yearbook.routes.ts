import { z } from 'zod';
import { YEARBOOK_TABLES, YearbookExportQuery, YearbookIndex, YearbookQuery, YearbookTable } from '../../../../shared/contracts/statistics';
import { type App, ctxOf, type Platform } from '../../../platform/http/request-context';
import { allows } from '../../../platform/permissions';
import { TABLES } from './definitions';
import { yearbookCsv, yearbookPdf, yearbookXlsx } from './export';
import { yearbookTable, yearsOf } from './tables';

const tags = ['statistics: yearbook'];
const TableParam = z.object({ table: z.enum(YEARBOOK_TABLES) });
const TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8', pdf: 'application/pdf' } as const;

/** The yearbook: public once a year is published (the Torch yearbook is a public book); staff read every year. */
export async function yearbookRoutes(app: App, platform: Platform) {
  app.get('/api/v1/statistics/yearbook', {
    config: { permission: 'public' },
    schema: { tags, summary: 'The standard tables and the years one may read (published years for the public)', response: { 200: YearbookIndex } },
    handler: async (request) => {
      const ctx = ctxOf(platform, request);
      const staff = allows('statistics.read', ctx.actor?.roles.map((g) => g.role) ?? null);
      return { tables: TABLES.filter((t) => t.public || staff).map((t) => ({ key: t.key, title: t.title, public: t.public })), years: await yearsOf(ctx) };
    },
  });
  app.get('/api/v1/statistics/yearbook/:table', {
    config: { permission: 'public' },
    schema: {
      tags,
      summary: 'One standard table of a year, from the rollups, with published figures beside',
      params: TableParam,
      querystring: YearbookQuery,
      response: { 200: YearbookTable },
    },
    handler: async (request) => yearbookTable(ctxOf(platform, request), request.params.table, request.query),
  });
  app.get('/api/v1/statistics/yearbook/:table/export', {
    config: { permission: 'public' },
    schema: { tags, summary: 'A standard table as XLSX, CSV or PDF', params: TableParam, querystring: YearbookExportQuery },
    handler: async (request, reply) => {
      const ctx = ctxOf(platform, request);
      const { format, lang: asked, ...query } = request.query;
      const lang = asked ?? ctx.lang;
      const table = await yearbookTable(ctx, request.params.table, query);
      const body = format === 'xlsx' ? await yearbookXlsx(table, lang) : format === 'csv' ? yearbookCsv(table, lang) : await yearbookPdf(table, lang);
      return reply.type(TYPES[format]).header('content-disposition', `attachment; filename="seedbed-yearbook-${table.key}-${table.year}.${format}"`).send(body);
    },
  });
}
