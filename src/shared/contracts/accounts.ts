import { z } from 'zod';
import { LANGUAGES, ROLES, SCOPE_TYPES } from '../roles';

export const Email = z.email().max(254).transform((s) => s.trim().toLowerCase());
export const Password = z.string().min(10).max(256);
export const DisplayName = z.string().trim().min(1).max(120);
export const Locale = z.enum(LANGUAGES);

export const RoleGrant = z.strictObject({
  role: z.enum(ROLES),
  scopeType: z.enum(SCOPE_TYPES).nullable().default(null),
  scopeId: z.string().min(1).max(100).nullable().default(null),
});
export type RoleGrant = z.infer<typeof RoleGrant>;

export const User = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  locale: Locale,
  status: z.enum(['active', 'disabled']),
  isDemo: z.boolean(),
  roles: z.array(RoleGrant),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof User>;

export const Session = z.object({
  user: User.nullable(),
  csrfToken: z.string().nullable(),
});
export type Session = z.infer<typeof Session>;

export const DemoInfo = z.object({
  enabled: z.boolean(),
  password: z.string().optional(),
  accounts: z.array(z.object({ email: z.string(), role: z.enum(ROLES) })).optional(),
});

export const RegisterInput = z.strictObject({
  email: Email,
  password: Password,
  displayName: DisplayName,
  locale: Locale.optional(),
});
export const LoginInput = z.strictObject({ email: Email, password: z.string().min(1).max(256) });
export const PasswordResetRequest = z.strictObject({ email: Email });
export const PasswordResetConfirm = z.strictObject({ token: z.string().min(20).max(200), password: Password });
export const UpdateMeInput = z.strictObject({ displayName: DisplayName.optional(), locale: Locale.optional() });
export const ChangePasswordInput = z.strictObject({ currentPassword: z.string().min(1).max(256), newPassword: Password });

export const ApiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const CreateApiTokenInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export const CreatedApiToken = ApiToken.extend({ token: z.string() });

export const CreateUserInput = z.strictObject({
  email: Email,
  displayName: DisplayName,
  password: Password,
  locale: Locale.default('en'),
  roles: z.array(RoleGrant).max(50).default([]),
});
export const UpdateUserInput = z.strictObject({
  displayName: DisplayName.optional(),
  status: z.enum(['active', 'disabled']).optional(),
  locale: Locale.optional(),
});
export const SetRolesInput = z.strictObject({ roles: z.array(RoleGrant).max(50) });

/** Finding a colleague's account by name to give them work (a commitment, a follow-up): no email, no scopes. */
export const AccountLookupQuery = z.object({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const AccountHit = z.object({ id: z.uuid(), displayName: z.string(), roles: z.array(z.enum(ROLES)) });
export type AccountHit = z.infer<typeof AccountHit>;
