import type { RoleGrant, User } from '../../../shared/contracts/accounts';

export type { RoleGrant, User };
export type Paged<T> = { items: T[]; total: number };

export const usersKey = ['admin', 'users'] as const;
