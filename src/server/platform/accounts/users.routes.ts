import { CreateUserInput, SetRolesInput, UpdateUserInput, User } from '../../../shared/contracts/accounts';
import { IdParam, ListQuery, listOf } from '../../../shared/contracts/common';
import { type App, ctxOf, type Platform } from '../http/request-context';
import { getUser, listUsers, setRoles, updateUser } from './manage-users';
import { createUser } from './register';

const tags = ['users'];

export function usersRoutes(app: App, platform: Platform) {
  app.get('/api/v1/users', {
    config: { permission: 'users.manage' },
    schema: { tags, summary: 'List accounts (sort: email, displayName, createdAt; prefix - for descending)', querystring: ListQuery, response: { 200: listOf(User) } },
    handler: async (request) => listUsers(ctxOf(platform, request), request.query),
  });
  app.post('/api/v1/users', {
    config: { permission: 'users.manage' },
    schema: { tags, summary: 'Create an account with roles', body: CreateUserInput, response: { 201: User } },
    handler: async (request, reply) => reply.status(201).send(await createUser(ctxOf(platform, request), request.body)),
  });
  app.get('/api/v1/users/:id', {
    config: { permission: 'users.manage' },
    schema: { tags, summary: 'One account', params: IdParam, response: { 200: User } },
    handler: async (request) => getUser(ctxOf(platform, request), request.params.id),
  });
  app.patch('/api/v1/users/:id', {
    config: { permission: 'users.manage' },
    schema: { tags, summary: 'Change an account’s name, language or status (disabling ends its sessions)', params: IdParam, body: UpdateUserInput, response: { 200: User } },
    handler: async (request) => updateUser(ctxOf(platform, request), request.params.id, request.body),
  });
  app.put('/api/v1/users/:id/roles', {
    config: { permission: 'users.manage' },
    schema: { tags, summary: 'Replace an account’s roles (with their scopes)', params: IdParam, body: SetRolesInput, response: { 200: User } },
    handler: async (request) => setRoles(ctxOf(platform, request), request.params.id, request.body),
  });
}
