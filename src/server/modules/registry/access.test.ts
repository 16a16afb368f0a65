import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles';
import type { Actor } from '../../platform/context';
import { canSeePrivate, canWrite } from './access';

const actor = (role: Role, scopeType: string | null = null, scopeId: string | null = null): Actor => ({
  userId: 'u',
  email: 'e',
  displayName: 'd',
  locale: 'en',
  via: 'session',
  roles: [{ role, scopeType: scopeType as never, scopeId }],
});

describe('registry write access', () => {
  it('lets a zone manager edit only their zone and what it hosts', () => {
    const zm = actor('zone_manager', 'zone', 'Z1');
    expect(canWrite(zm, { type: 'zone', id: 'Z1' }, 'update')).toBe(true);
    expect(canWrite(zm, { type: 'zone', id: 'Z2' }, 'update')).toBe(false);
    expect(canWrite(zm, { type: 'zone' }, 'create')).toBe(false);
    expect(canWrite(zm, { type: 'incubator', hostZoneId: 'Z1' }, 'create')).toBe(true);
    expect(canWrite(zm, { type: 'enterprise', hostZoneId: 'Z2' }, 'create')).toBe(false);
    expect(canWrite(zm, { type: 'zone', id: 'Z1' }, 'delete')).toBe(false);
  });

  it('lets an incubator manager edit their incubator and its tenants', () => {
    const im = actor('incubator_manager', 'incubator', 'I1');
    expect(canWrite(im, { type: 'incubator', id: 'I1' }, 'update')).toBe(true);
    expect(canWrite(im, { type: 'enterprise', incubatorId: 'I1' }, 'create')).toBe(true);
    expect(canWrite(im, { type: 'enterprise', incubatorId: 'I2' }, 'update')).toBe(false);
  });

  it('lets an enterprise member edit only their own profile', () => {
    const em = actor('enterprise_member', 'enterprise', 'E1');
    expect(canWrite(em, { type: 'enterprise', id: 'E1' }, 'update')).toBe(true);
    expect(canWrite(em, { type: 'enterprise', id: 'E2' }, 'update')).toBe(false);
    expect(canWrite(actor('enterprise_member'), { type: 'enterprise', id: 'E1' }, 'update')).toBe(false);
  });

  it('gives admins everything and the public nothing', () => {
    expect(canWrite(actor('admin'), { type: 'person' }, 'delete')).toBe(true);
    expect(canWrite(null, { type: 'zone', id: 'Z1' }, 'update')).toBe(false);
    expect(canWrite(actor('reviewer'), { type: 'institution' }, 'create')).toBe(false);
  });

  it('shows private fields to staff only', () => {
    expect(canSeePrivate(actor('cooperation_officer'))).toBe(true);
    expect(canSeePrivate(actor('investor'))).toBe(false);
    expect(canSeePrivate(null)).toBe(false);
  });
});
