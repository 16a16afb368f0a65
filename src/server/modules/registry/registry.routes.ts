import { z } from 'zod';
import { IdParam, listOf } from '../../../shared/contracts/common';
import { ENTITY_TYPES, Entity, EntityListQuery, type EntityType, SearchQuery, SearchResult } from '../../../shared/contracts/registry';
import { type App, ctxOf, type Platform } from '../../platform/http/request-context';
import { ENTITY_CONFIG, PLURAL } from './entity-types';
import { listCountries, listDivisions, mapPoints, registryStats } from './geo';
import { AffiliationsInput, addGovernanceLink, GovernanceLinkInput, removeGovernanceLink, setAffiliations } from './links';
import { listEntities, toDto } from './read-entity';
import { getEntityDetail, governanceTree } from './relations';
import { searchRegistry } from './search';
import { transferRoutes } from './transfer/transfer.routes';
import { createEntity, deleteEntity, updateEntity } from './write-entity';

const tags = ['registry'];

export async function registryRoutes(app: App, platform: Platform) {
  // Export routes first: /zones/export must not be taken for /zones/:id.
  await transferRoutes(app, platform);
  for (const type of ENTITY_TYPES) entityRoutes(app, platform, type);

  app.get('/api/v1/search', {
    config: { permission: 'public' },
    schema: {
      tags,
      summary: 'Search every registry entity by name in English, Chinese (segmented, or pinyin) or Urdu; tolerant of misspellings',
      querystring: SearchQuery,
      response: { 200: SearchResult },
    },
    handler: async (request) => searchRegistry(ctxOf(platform, request), request.query),
  });

  app.get('/api/v1/governance', {
    config: { permission: 'public' },
    schema: { tags, summary: 'The governance chains (who oversees whom) as a tree', response: { 200: z.object({ items: z.array(z.unknown()) }) } },
    handler: async (request) => ({ items: await governanceTree(ctxOf(platform, request)) }),
  });

  app.post('/api/v1/governance', {
    config: { permission: 'registry.structure' },
    schema: { tags, summary: 'Add a governance link (parent oversees / hosts / has as member the child)', body: GovernanceLinkInput },
    handler: async (request, reply) => reply.status(201).send(await addGovernanceLink(ctxOf(platform, request), request.body)),
  });

  app.delete('/api/v1/governance/:id', {
    config: { permission: 'registry.structure' },
    schema: { tags, summary: 'Remove a governance link', params: IdParam },
    handler: async (request, reply) => {
      await removeGovernanceLink(ctxOf(platform, request), request.params.id);
      return reply.status(204).send();
    },
  });

  app.put('/api/v1/people/:id/affiliations', {
    config: { permission: 'registry.write' },
    schema: { tags: [...tags, 'people'], summary: 'Replace a person’s affiliations (organisation and position)', params: IdParam, body: AffiliationsInput },
    handler: async (request) => setAffiliations(ctxOf(platform, request), request.params.id, request.body),
  });

  app.get('/api/v1/map/points', {
    config: { permission: 'public' },
    schema: {
      tags,
      summary: 'Zones and incubators with coordinates (own, else the city centre: approximate=true)',
      querystring: z.object({ country: z.string().length(2).optional(), zoneId: z.uuid().optional(), synthetic: z.enum(['include', 'exclude']).default('exclude') }),
    },
    handler: async (request) => mapPoints(ctxOf(platform, request), { ...request.query, includeSynthetic: request.query.synthetic === 'include' }),
  });

  app.get('/api/v1/registry/stats', {
    config: { permission: 'public' },
    schema: { tags, summary: 'Zones by province, founding timeline, counts by entity type' },
    handler: async (request) => registryStats(ctxOf(platform, request)),
  });

  app.get('/api/v1/divisions', {
    config: { permission: 'public' },
    schema: { tags, summary: 'Provinces and cities (GB/T 2260 codes in China)', querystring: z.object({ country: z.string().length(2).optional() }) },
    handler: async (request) => listDivisions(ctxOf(platform, request), request.query.country),
  });

  app.get('/api/v1/countries', {
    config: { permission: 'public' },
    schema: { tags, summary: 'Countries known to the registry' },
    handler: async (request) => listCountries(ctxOf(platform, request)),
  });
}

function entityRoutes(app: App, platform: Platform, type: EntityType) {
  const base = `/api/v1/${PLURAL[type]}`;
  const input = ENTITY_CONFIG[type].input;
  const typeTags = [...tags, PLURAL[type]];

  app.get(base, {
    config: { permission: 'public' },
    schema: {
      tags: typeTags,
      summary: `List ${PLURAL[type]} with filters (sort by names, createdAt, foundedOn, approvedOn, …; prefix - to reverse)`,
      querystring: EntityListQuery,
      response: { 200: listOf(Entity) },
    },
    handler: async (request) => listEntities(ctxOf(platform, request), type, request.query),
  });

  app.get(`${base}/:id`, {
    config: { permission: 'public' },
    schema: { tags: typeTags, summary: `One ${type} with its relations`, params: IdParam, response: { 200: Entity } },
    handler: async (request) => getEntityDetail(ctxOf(platform, request), type, request.params.id),
  });

  app.post(base, {
    config: { permission: 'registry.write' },
    schema: { tags: typeTags, summary: `Create a ${type} (within the caller's scope)`, body: input, response: { 201: Entity } },
    handler: async (request, reply) => {
      const ctx = ctxOf(platform, request);
      return reply.status(201).send(toDto(ctx, type, await createEntity(ctx, type, request.body as Record<string, unknown>)));
    },
  });

  app.patch(`${base}/:id`, {
    config: { permission: 'registry.write' },
    schema: { tags: typeTags, summary: `Change a ${type} (within the caller's scope)`, params: IdParam, body: input.partial(), response: { 200: Entity } },
    handler: async (request) => {
      const ctx = ctxOf(platform, request);
      return toDto(ctx, type, await updateEntity(ctx, type, request.params.id, request.body as Record<string, unknown>));
    },
  });

  app.delete(`${base}/:id`, {
    config: { permission: 'registry.delete' },
    schema: { tags: typeTags, summary: `Delete a ${type} nothing depends on`, params: IdParam },
    handler: async (request, reply) => {
      await deleteEntity(ctxOf(platform, request), type, request.params.id);
      return reply.status(204).send();
    },
  });
}
