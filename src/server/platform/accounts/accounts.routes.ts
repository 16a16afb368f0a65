import type { FastifyReply, FastifyRequest } from 'fastify';

import {
  ApiToken,
  ChangePasswordInput,
  CreateApiTokenInput,
  CreatedApiToken,
  DemoInfo,
  LoginInput,
  PasswordResetConfirm,
  PasswordResetRequest,
  RegisterInput,
  Session,
  UpdateMeInput,
  User,
} from '../../../shared/contracts/accounts';
import { IdParam, ListQuery, listOf } from '../../../shared/contracts/common';
import { unauthenticated } from '../errors';
import { type App, baseUrlOf, ctxOf, type Platform } from '../http/request-context';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens';
import { demoAccounts } from './demo-accounts';
import { login } from './login';
import { logout } from './logout';
import { confirmPasswordReset, requestPasswordReset } from './password-reset';
import { changePassword, updateProfile } from './profile';
import { register } from './register';
import { SESSION_COOKIE } from './sessions';
import { findUser } from './users';

const tags = ['accounts'];

export function accountsRoutes(app: App, platform: Platform) {
  const setSessionCookie = (request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      path: '/',
      expires: expiresAt,
    });

  app.get('/api/v1/auth/session', {
    config: { permission: 'public' },
    schema: { tags, summary: 'The current session: the signed-in user (or null) and the CSRF token for writes', response: { 200: Session } },
    handler: async (request) => ({
      user: request.actor?.via === 'session' ? await findUser(platform.database.db, request.actor.userId) : null,
      csrfToken: request.csrfToken,
    }),
  });

  app.get('/api/v1/auth/demo', {
    config: { permission: 'public' },
    schema: { tags, summary: 'Whether this is a demo deployment, and its demo accounts', response: { 200: DemoInfo } },
    handler: async () =>
      platform.config.demo ? { enabled: true, password: platform.config.demoPassword, accounts: demoAccounts() } : { enabled: false },
  });

  app.post('/api/v1/auth/login', {
    config: { permission: 'public' },
    schema: { tags, summary: 'Sign in with e-mail and password; sets the session cookie', body: LoginInput, response: { 200: Session } },
    handler: async (request, reply) => {
      const { session, user } = await login(ctxOf(platform, request), request.body, request.headers['user-agent'] ?? null);
      setSessionCookie(request, reply, session.token, session.expiresAt);
      return { user, csrfToken: session.csrfToken };
    },
  });

  app.post('/api/v1/auth/register', {
    config: { permission: 'public' },
    schema: { tags, summary: 'Create an account (as an enterprise member) and sign in', body: RegisterInput, response: { 201: Session } },
    handler: async (request, reply) => {
      const { session, user } = await register(ctxOf(platform, request), request.body, request.headers['user-agent'] ?? null);
      setSessionCookie(request, reply, session.token, session.expiresAt);
      return reply.status(201).send({ user, csrfToken: session.csrfToken });
    },
  });

  app.post('/api/v1/auth/logout', {
    config: { permission: 'public' },
    schema: { tags, summary: 'End the current session' },
    handler: async (request, reply) => {
      await logout(ctxOf(platform, request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  });

  app.post('/api/v1/auth/password-reset/request', {
    config: { permission: 'public' },
    schema: { tags, summary: 'E-mail a password-reset link (always answers 202)', body: PasswordResetRequest },
    handler: async (request, reply) => {
      await requestPasswordReset(ctxOf(platform, request), request.body.email, baseUrlOf(platform.config, request));
      return reply.status(202).send();
    },
  });

  app.post('/api/v1/auth/password-reset/confirm', {
    config: { permission: 'public' },
    schema: { tags, summary: 'Set a new password with a reset token; ends every session of the account', body: PasswordResetConfirm },
    handler: async (request, reply) => {
      await confirmPasswordReset(ctxOf(platform, request), request.body);
      return reply.status(204).send();
    },
  });

  app.get('/api/v1/me', {
    config: { permission: 'signedIn' },
    schema: { tags, summary: 'The signed-in user', response: { 200: User } },
    handler: async (request) => {
      const user = await findUser(platform.database.db, request.actor!.userId);
      if (!user) throw unauthenticated();
      return user;
    },
  });

  app.patch('/api/v1/me', {
    config: { permission: 'signedIn' },
    schema: { tags, summary: 'Change one’s display name or language', body: UpdateMeInput, response: { 200: User } },
    handler: async (request) => updateProfile(ctxOf(platform, request), request.body),
  });

  app.post('/api/v1/me/password', {
    config: { permission: 'signedIn' },
    schema: { tags, summary: 'Change one’s password (ends one’s other sessions)', body: ChangePasswordInput },
    handler: async (request, reply) => {
      await changePassword(ctxOf(platform, request), request.body);
      return reply.status(204).send();
    },
  });

  app.get('/api/v1/me/tokens', {
    config: { permission: 'signedIn' },
    schema: { tags, summary: 'One’s personal API tokens', querystring: ListQuery, response: { 200: listOf(ApiToken) } },
    handler: async (request) => listApiTokens(ctxOf(platform, request), request.query),
  });

  app.post('/api/v1/me/tokens', {
    config: { permission: 'signedIn' },
    schema: {
      tags,
      summary: 'Create a personal API token for machine clients (send it as `Authorization: Bearer …`); the secret is shown once',
      body: CreateApiTokenInput,
      response: { 201: CreatedApiToken },
    },
    handler: async (request, reply) => reply.status(201).send(await createApiToken(ctxOf(platform, request), request.body)),
  });

  app.delete('/api/v1/me/tokens/:id', {
    config: { permission: 'signedIn' },
    schema: { tags, summary: 'Revoke a personal API token', params: IdParam },
    handler: async (request, reply) => {
      await revokeApiToken(ctxOf(platform, request), request.params.id);
      return reply.status(204).send();
    },
  });
}

