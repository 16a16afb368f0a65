import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { drainOnShutdown } from './drain';

describe('drain on shutdown', () => {
  it('answers what arrives while draining, each answer closing its connection, and ends after a quiet moment', async () => {
    const app = Fastify();
    app.get('/slow', async () => {
      await new Promise((r) => setTimeout(r, 300));
      return { ok: true };
    });
    const drain = drainOnShutdown(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/slow`;
    const before = await fetch(url);
    expect(before.headers.get('connection')).not.toBe('close');
    const inFlight = fetch(url);
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    const drained = drain();
    const during = await inFlight;
    expect(during.status).toBe(200);
    expect(during.headers.get('connection')).toBe('close');
    await drained;
    expect(Date.now() - started).toBeGreaterThanOrEqual(250); // the request in flight, then the quiet spell
    await app.close();
  });
});
