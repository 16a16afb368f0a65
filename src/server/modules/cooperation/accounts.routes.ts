import { z } from 'zod';
import { AccountHit, AccountLookupQuery } from '../../../shared/contracts/accounts';
import { findAccounts } from '../../platform/accounts/find-accounts';
import { type App, ctxOf, type Platform } from '../../platform/http/request-context';

/** Whom a commitment or a follow-up can be given to: the accounts that get its reminders. */
export async function cooperationAccountsRoutes(app: App, platform: Platform) {
  app.get('/api/v1/cooperation/accounts', {
    config: { permission: 'cooperation.manage' },
    schema: {
      tags: ['cooperation: agreements'],
      summary: 'Active accounts by name, to own a commitment or a follow-up (name and roles; no address)',
      querystring: AccountLookupQuery,
      response: { 200: z.object({ items: z.array(AccountHit) }) },
    },
    handler: async (request) => ({ items: await findAccounts(ctxOf(platform, request).database.db, request.query.q, request.query.limit) }),
  });
}
