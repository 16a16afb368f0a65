export type AuditFilters = { action: string; entityType: string; actorId: string | null; from: string; to: string };
export const NO_FILTERS: AuditFilters = { action: '', entityType: '', actorId: null, from: '', to: '' };

/** Dates picked as local calendar days become an inclusive range of instants for the API. */
export function toQuery(f: AuditFilters) {
  return {
    action: f.action.trim() || undefined,
    entityType: f.entityType.trim() || undefined,
    actorId: f.actorId ?? undefined,
    from: f.from ? new Date(`${f.from}T00:00:00`).toISOString() : undefined,
    to: f.to ? new Date(`${f.to}T23:59:59.999`).toISOString() : undefined,
  };
}
