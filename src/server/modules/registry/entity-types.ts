import type { PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { ENTITY_INPUTS, type EntityType } from '../../../shared/contracts/registry';
import { enterprises, incubators, institutions, investors, people, zones } from './registry.tables';

type AnyTable = PgTable & Record<string, unknown>;

export type EntityConfig = {
  table: AnyTable;
  input: z.ZodObject;
  /** Fields shown only to those allowed (see `canSeePrivate`). */
  privateFields: string[];
};

export const ENTITY_CONFIG: Record<EntityType, EntityConfig> = {
  zone: { table: zones as unknown as AnyTable, input: ENTITY_INPUTS.zone, privateFields: [] },
  incubator: { table: incubators as unknown as AnyTable, input: ENTITY_INPUTS.incubator, privateFields: [] },
  enterprise: { table: enterprises as unknown as AnyTable, input: ENTITY_INPUTS.enterprise, privateFields: ['valuationUsd', 'revenueHistory'] },
  institution: { table: institutions as unknown as AnyTable, input: ENTITY_INPUTS.institution, privateFields: [] },
  investor: { table: investors as unknown as AnyTable, input: ENTITY_INPUTS.investor, privateFields: [] },
  person: { table: people as unknown as AnyTable, input: ENTITY_INPUTS.person, privateFields: ['email', 'phone'] },
};

/** The URL segment of each type: /api/v1/zones, /api/v1/people, … */
export const PLURAL: Record<EntityType, string> = {
  zone: 'zones',
  incubator: 'incubators',
  enterprise: 'enterprises',
  institution: 'institutions',
  investor: 'investors',
  person: 'people',
};
