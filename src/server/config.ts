import path from 'node:path';
import { z } from 'zod';

/** Every environment variable Seedbed reads; the README lists the same set. */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  SEEDBED_DATA_DIR: z.string().default('.seedbed'),
  SEEDBED_DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  SEEDBED_REFERENCE: z.enum(['auto', 'off']).default('auto'),
  SEEDBED_DEMO_PASSWORD: z.string().min(8).default('seedbed-demo-2026'),
  SEEDBED_MAX_UPLOAD_MB: z.coerce.number().positive().default(20),
  SEEDBED_MAX_BODY_KB: z.coerce.number().int().positive().default(1024),
  SEEDBED_SESSION_DAYS: z.coerce.number().positive().default(14),
  SEEDBED_PUBLIC_URL: z.string().url().optional(),
  SEEDBED_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SEEDBED_JOBS: z.enum(['on', 'off']).default('on'),
  SEEDBED_GAZELLE_YEARS: z.coerce.number().int().min(1).max(10).default(3),
  SEEDBED_GAZELLE_MIN_GROWTH: z.coerce.number().min(0).max(10).default(0.2),
  SEEDBED_GAZELLE_MIN_BASE_REVENUE: z.coerce.number().min(0).default(5_000_000),
  SEEDBED_IMPORT_INLINE_INDEX_MAX: z.coerce.number().int().min(0).default(2000),
  SEEDBED_DEMO_STATISTICS_ENTERPRISES: z.coerce.number().int().min(0).max(100_000).default(600),
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().default('Seedbed <no-reply@seedbed.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  demo: boolean;
  /** Load the reference data set on a first demo start ('auto'), or never ('off'). */
  loadReference: boolean;
  demoPassword: string;
  maxUploadBytes: number;
  maxBodyBytes: number;
  sessionDays: number;
  publicUrl?: string;
  trustProxy: boolean;
  jobs: boolean;
  smtpUrl?: string;
  /** The configurable rule that makes an enterprise a gazelle (registry/stage.ts). */
  gazelle: { years: number; minAnnualGrowth: number; minBaseRevenue: number };
  /** Imports up to this many rows are searchable at commit; larger ones are indexed by jobs right after. */
  importInlineIndexMax: number;
  /** Synthetic enterprises whose survey history a first demo start generates (0: none). */
  demoStatisticsEnterprises: number;
  smtpFrom: string;
  logLevel: string;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const databaseUrl = overrides.databaseUrl ?? e.DATABASE_URL;
  // Demo accounts exist only on the embedded database unless explicitly forced.
  const demo = e.SEEDBED_DEMO === 'on' || (e.SEEDBED_DEMO === 'auto' && !databaseUrl);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl,
    dataDir: path.resolve(e.SEEDBED_DATA_DIR),
    demo,
    loadReference: e.SEEDBED_REFERENCE === 'auto',
    demoPassword: e.SEEDBED_DEMO_PASSWORD,
    maxUploadBytes: Math.round(e.SEEDBED_MAX_UPLOAD_MB * 1024 * 1024),
    maxBodyBytes: e.SEEDBED_MAX_BODY_KB * 1024,
    sessionDays: e.SEEDBED_SESSION_DAYS,
    publicUrl: e.SEEDBED_PUBLIC_URL,
    trustProxy: e.SEEDBED_TRUST_PROXY === 'true',
    jobs: e.SEEDBED_JOBS === 'on',
    smtpUrl: e.SMTP_URL || undefined,
    gazelle: { years: e.SEEDBED_GAZELLE_YEARS, minAnnualGrowth: e.SEEDBED_GAZELLE_MIN_GROWTH, minBaseRevenue: e.SEEDBED_GAZELLE_MIN_BASE_REVENUE },
    importInlineIndexMax: e.SEEDBED_IMPORT_INLINE_INDEX_MAX,
    demoStatisticsEnterprises: e.SEEDBED_DEMO_STATISTICS_ENTERPRISES,
    smtpFrom: e.SMTP_FROM,
    logLevel: e.LOG_LEVEL,
    ...overrides,
  };
}
