import { AuditEvent, AuditQuery } from '../../../shared/contracts/audit';
import { listOf } from '../../../shared/contracts/common';
import { type App, ctxOf, type Platform } from '../http/request-context';
import { listAuditEvents } from './list-audit';

export function auditRoutes(app: App, platform: Platform) {
  app.get('/api/v1/audit-events', {
    config: { permission: 'audit.read' },
    schema: {
      tags: ['audit'],
      summary: 'The append-only audit log, filtered (sort: -createdAt default, or createdAt)',
      querystring: AuditQuery,
      response: { 200: listOf(AuditEvent) },
    },
    handler: async (request) => listAuditEvents(ctxOf(platform, request), request.query),
  });
}
