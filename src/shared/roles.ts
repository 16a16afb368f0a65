/** The roles of PRODUCT.md ("Who uses it"). The public has no role: it is the absence of a session. */
export const ROLES = [
  'admin',
  'ministry_analyst',
  'zone_manager',
  'incubator_manager',
  'program_officer',
  'reviewer',
  'mentor',
  'investor',
  'enterprise_member',
  'cooperation_officer',
  // A technology transfer agency's officer (技术转移机构): moderates market listings, registers technology contracts.
  'transfer_agent',
] as const;
export type Role = (typeof ROLES)[number];

/** What a scoped role is limited to (a zone manager manages only their zones). */
export const SCOPE_TYPES = ['zone', 'incubator', 'enterprise', 'program', 'organisation', 'province'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

export const LANGUAGES = ['en', 'zh', 'ur'] as const;
export type Language = (typeof LANGUAGES)[number];
export const RTL_LANGUAGES: readonly Language[] = ['ur'];
