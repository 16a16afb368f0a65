import { ApiError } from './api';

/** The API names a field as `email`, `body.email`, `/email` or `roles/0/role`; forms use `roles.0.role`. */
export function fieldPath(path: string): string {
  return path
    .replace(/^\/+/, '')
    .replace(/\//g, '.')
    .replace(/^(body|query|params)\./, '');
}

/** The API's per-field messages for the fields this form shows (the rest go to the alert). */
export function fieldErrors(err: unknown, fields: readonly string[]): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const d of err.details) {
    const p = fieldPath(d.path);
    const field = fields.find((f) => p === f || p.startsWith(`${f}.`));
    if (field && !out[field]) out[field] = d.message;
  }
  return out;
}

/** Messages of the details that no field on the form can show. */
export function unplacedDetails(err: unknown, fields: readonly string[]): string[] {
  if (!(err instanceof ApiError)) return [];
  return err.details
    .filter((d) => {
      const p = fieldPath(d.path);
      return !fields.some((f) => p === f || p.startsWith(`${f}.`));
    })
    .map((d) => (d.path ? `${fieldPath(d.path)}: ${d.message}` : d.message));
}

/** Every detail under a list field, by its full path (`roles.0.role`), for editors of lists. */
export function nestedErrors(err: unknown, prefix: string): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const d of err.details) {
    const p = fieldPath(d.path);
    if (p.startsWith(`${prefix}.`) && !out[p]) out[p] = d.message;
  }
  return out;
}
