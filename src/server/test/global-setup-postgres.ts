import type { TestProject } from 'vitest/node';
import { findPostgresBin, startThrowawayPostgres } from './postgres-server';

/** Vitest global setup of the "postgres" project: one throwaway server for the run; each test file makes its own database. */
export default async function setup(project: TestProject) {
  const given = process.env.SEEDBED_TEST_PG_URL;
  if (given) {
    project.provide('pgUrl', given);
    return;
  }
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL 15+ not found (install Debian package postgresql-15, or set SEEDBED_TEST_PG_URL).');
  const server = await startThrowawayPostgres(bin);
  console.log(`[postgres tests] ${server.version} at ${server.url}`);
  project.provide('pgUrl', server.url);
  return () => server.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}
