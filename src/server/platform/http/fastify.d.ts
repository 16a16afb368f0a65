import type { Language } from '../../../shared/roles';
import type { Actor } from '../context';
import type { Permission } from '../permissions';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
    lang: Language;
  }
  interface FastifyInstance {
    /** Every route with its permission, recorded as routes are added (the permission walk test reads it). */
    routeTable: { method: string; url: string; permission: Permission }[];
  }
  interface FastifyContextConfig {
    /** The permission-table key this route requires (see platform/permissions.ts). */
    permission?: Permission;
  }
}
