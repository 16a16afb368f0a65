import { createInterface } from 'node:readline/promises';
import pino from 'pino';
import { CreateUserInput } from '../../shared/contracts/accounts';
import { openConfiguredDatabase } from '../boot';
import { loadConfig } from '../config';
import { createUser } from '../platform/accounts/register';
import { systemCtx } from '../platform/context';
import { step } from './steps';

export async function adminCreate(opts: { email: string; name: string; password?: string }) {
  const password = opts.password ?? process.env.SEEDBED_ADMIN_PASSWORD ?? (await ask('Password for the new admin (at least 10 characters): '));
  const parsed = CreateUserInput.safeParse({ email: opts.email, displayName: opts.name, password, roles: [{ role: 'admin' }] });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    const user = await step(`creating admin ${parsed.data.email}`, () =>
      createUser(systemCtx(database, config, pino({ level: 'silent' }), 'cli'), parsed.data),
    );
    console.log(`Admin ${user.email} created (id ${user.id}). Sign in at the web app with this e-mail.`);
  } finally {
    await database.close();
  }
}

async function ask(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error('no password given: pass --password or set SEEDBED_ADMIN_PASSWORD');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}
