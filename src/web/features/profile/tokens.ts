export type ApiToken = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};
export type CreatedApiToken = ApiToken & { token: string };

export function tokenState(tk: ApiToken, now = Date.now()): 'active' | 'revoked' | 'expired' {
  if (tk.revokedAt) return 'revoked';
  if (tk.expiresAt && new Date(tk.expiresAt).getTime() <= now) return 'expired';
  return 'active';
}
