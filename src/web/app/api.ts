import type { ErrorBody } from '../../shared/contracts/common';
import { currentLanguage } from './i18n';

export type ErrorDetail = { path: string; message: string; code?: string };

/** Every failed call: the API's own code and (already translated) message, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Handlers = {
  /** A signed-in call came back 401: the session ended. */
  onUnauthorized: () => void;
  /** The CSRF token was refused: fetch a fresh one. */
  refreshCsrf: () => Promise<void>;
};
const handlers: Handlers = { onUnauthorized: () => {}, refreshCsrf: async () => {} };
export function setApiHandlers(h: Partial<Handlers>): void {
  Object.assign(handlers, h);
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function send(method: string, path: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage() };
  const form = body instanceof FormData;
  // A FormData body sets its own multipart Content-Type (with the boundary).
  if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  return fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : form ? body : JSON.stringify(body),
  });
}

async function toError(res: Response): Promise<ApiError> {
  const retryAfter = Number(res.headers.get('Retry-After'));
  const retry = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
  try {
    const data = (await res.json()) as Partial<ErrorBody>;
    if (data?.error?.code) {
      const { code, message, details } = data.error;
      return new ApiError(res.status, code, message, details ?? [], retry);
    }
  } catch {
    // not JSON: a proxy or a crash answered
  }
  return new ApiError(res.status, `http_${res.status}`, res.statusText, [], retry);
}

/** Calls the API. Resolves to the parsed JSON (undefined for 204); rejects with ApiError. */
export async function api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await send(method, path, body);
    if (res.status === 403 && UNSAFE.has(method)) {
      const err = await toError(res.clone());
      if (err.code === 'csrf_failed') {
        await handlers.refreshCsrf();
        res = await send(method, path, body);
      }
    }
  } catch {
    throw new ApiError(0, 'network', '');
  }
  if (res.ok) {
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  const err = await toError(res);
  // A 401 from the sign-in endpoints means "wrong password", not "session ended".
  if (res.status === 401 && !path.startsWith('/api/v1/auth/')) handlers.onUnauthorized();
  throw err;
}

export const get = <T>(path: string, query?: Query) => api<T>('GET', withQuery(path, query));
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
export const del = <T = void>(path: string) => api<T>('DELETE', path);
/** A multipart upload (files), with the same CSRF, language and error handling as every other call. */
export const upload = <T>(path: string, form: FormData) => api<T>('POST', path, form);
