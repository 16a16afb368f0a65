/** A failure a person can act on: an HTTP status, a stable code, a catalogue key (errors.json) and its params. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, unknown> = {},
    readonly details?: { path: string; message: string; code?: string }[],
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const badRequest = (code = 'bad_request', params?: Record<string, unknown>) => new AppError(400, code, params);
export const unauthenticated = (code = 'unauthenticated') => new AppError(401, code);
export const forbidden = (code = 'forbidden') => new AppError(403, code);
export const notFound = (code = 'not_found') => new AppError(404, code);
export const conflict = (code = 'conflict', params?: Record<string, unknown>) => new AppError(409, code, params);
export const unprocessable = (code: string, params?: Record<string, unknown>) => new AppError(422, code, params);
export const tooManyRequests = (code: string, retryAfterSeconds: number) =>
  new AppError(429, code, { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) }, undefined, {
    'retry-after': String(Math.ceil(retryAfterSeconds)),
  });
