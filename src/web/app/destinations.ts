import type { User } from '../../shared/contracts/accounts';
import type { Role } from '../../shared/roles';

/**
 * Every page a signed-in user can reach from the navbar and the home page.
 * A module adds its pages here; `roles` absent means every signed-in user.
 */
export type Destination = {
  to: string;
  /** i18n key of the link text; `<key>Hint` is the one-line description on the home card. */
  labelKey: string;
  roles?: readonly Role[];
  section: 'personal' | 'administration';
};

export const DESTINATIONS: readonly Destination[] = [
  { to: '/profile', labelKey: 'nav.profile', section: 'personal' },
  { to: '/tokens', labelKey: 'nav.tokens', section: 'personal' },
  { to: '/notifications', labelKey: 'nav.notifications', section: 'personal' },
  { to: '/admin/users', labelKey: 'nav.users', roles: ['admin'], section: 'administration' },
  { to: '/admin/audit', labelKey: 'nav.audit', roles: ['admin'], section: 'administration' },
  { to: '/admin/jobs', labelKey: 'nav.jobs', roles: ['admin'], section: 'administration' },
  { to: '/admin/outbox', labelKey: 'nav.outbox', roles: ['admin'], section: 'administration' },
];

export function destinationsFor(user: User): Destination[] {
  const held = new Set(user.roles.map((g) => g.role));
  return DESTINATIONS.filter((d) => !d.roles || d.roles.some((r) => held.has(r)));
}
