import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config';
import type { Database } from './db/client';
import { accountsRoutes } from './platform/accounts/accounts.routes';
import { usersRoutes } from './platform/accounts/users.routes';
import { auditRoutes } from './platform/audit/audit.routes';
import { installAuth } from './platform/http/auth-hook';
import { installErrorHandling } from './platform/http/error-handler';
import type { App, Platform } from './platform/http/request-context';
import { zodValidatorCompiler } from './platform/http/validation';
import { isPermission, type Permission } from './platform/permissions';
import { platformServiceRoutes } from './platform/services.routes';
import { moduleRoutes } from './modules';
import { VERSION, webRoot } from './paths';

export type BuildOptions = { config: Config; database: Database; logger?: FastifyServerOptions['logger'] };

const REQUEST_ID = /^[A-Za-z0-9._-]{8,80}$/;

export async function buildApp({ config, database, logger }: BuildOptions): Promise<App> {
  const app = Fastify({
    logger: logger ?? { level: config.logLevel },
    bodyLimit: config.maxBodyBytes,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  guardRoutePermissions(app, routeTable);
  installErrorHandling(app, { maxBodyBytes: config.maxBodyBytes, maxUploadBytes: config.maxUploadBytes });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Seedbed API', version: VERSION, description: 'The API of Seedbed. Errors: {"error":{"code","message","details"}}; writes with a session cookie need the X-CSRF-Token header; machine clients use Authorization: Bearer <personal API token>.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'seedbed_session' },
          apiToken: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  installAuth(app, database);
  addSecurityHeaders(app);

  const platform: Platform = { database, config };
  app.get('/api/health', {
    config: { permission: 'public' },
    schema: {
      tags: ['platform'],
      summary: 'Liveness and database check',
      response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), version: z.string() }) },
    },
    handler: async () => {
      await database.db.execute('select 1');
      return { status: 'ok' as const, database: database.kind, version: VERSION };
    },
  });
  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());

  accountsRoutes(app, platform);
  usersRoutes(app, platform);
  auditRoutes(app, platform);
  platformServiceRoutes(app, platform);
  await moduleRoutes(app, platform);
  await serveWebApp(app);
  return app;
}

export type RouteEntry = { method: string; url: string; permission: Permission };

/** Every API route must name its permission; the rest (web app, docs) is public. */
export function guardRoutePermissions(app: App, table: RouteEntry[]) {
  app.addHook('onRoute', (route) => {
    route.config ??= {};
    const config = route.config as { permission?: unknown };
    if (route.url.startsWith('/api/v1')) {
      if (!isPermission(config.permission)) throw new Error(`Route ${route.method} ${route.url} has no valid config.permission`);
    } else if (config.permission === undefined) {
      config.permission = 'public';
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') table.push({ method, url: route.url, permission: config.permission as Permission });
    }
  });
}

function addSecurityHeaders(app: App) {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
  });
}

async function serveWebApp(app: App) {
  const index = path.join(webRoot, 'index.html');
  if (!fs.existsSync(index)) {
    app.log.warn(`The web app is not built (${index} missing): run "npm run build".`);
    return;
  }
  await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
  // Client-side routes: any other GET that wants HTML gets the SPA.
  app.get('/*', async (request, reply) => {
    const file = path.join(webRoot, path.normalize(request.url.split('?')[0]));
    if (file.startsWith(webRoot) && fs.existsSync(file) && fs.statSync(file).isFile()) return reply.sendFile(path.relative(webRoot, file));
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });
}
