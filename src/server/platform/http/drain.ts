import type { FastifyInstance } from 'fastify';

/** How long a quiet spell (nothing in flight, nothing new) must last before the idle connections are closed. */
const QUIET_MS = 250;
/** The longest a shutdown waits for that quiet before it closes anyway. */
const MAX_DRAIN_MS = 5000;

/**
 * A gentler start of shutdown than closing at once. Closing a server destroys its idle keep-alive connections,
 * and a request a client has just sent on one of them (not yet read) is then reset rather than answered. While
 * draining, every response says `Connection: close`, so clients leave their connections; the server is closed
 * once nothing has been in flight for a moment. Call before `listen`.
 */
export function drainOnShutdown(app: FastifyInstance) {
  let draining = false;
  let inFlight = 0;
  let lastRequestAt = 0;
  app.server.on('request', (_req, res) => {
    inFlight++;
    lastRequestAt = Date.now();
    res.once('close', () => inFlight--);
  });
  app.addHook('onSend', async (_request, reply) => {
    if (draining) reply.header('connection', 'close');
  });
  return async function drain(): Promise<void> {
    draining = true;
    const giveUpAt = Date.now() + MAX_DRAIN_MS;
    while (Date.now() < giveUpAt && (inFlight > 0 || Date.now() - lastRequestAt < QUIET_MS)) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
}
