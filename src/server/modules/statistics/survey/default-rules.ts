/**
 * The validation rules every new form starts with (an analyst may change them per form). They are the
 * checks the Torch survey's own instructions imply: a part never exceeds its whole, what is filled brings
 * its pair, and a figure far from last year's is confirmed or explained (issue 5, Survey).
 */
export const DEFAULT_RULES: Record<'enterprise' | 'incubator' | 'zone', unknown[]> = {
  enterprise: [
    { id: 'rd_within_revenue', kind: 'compare', left: 'rd_expenditure', op: '<=', right: 'operating_revenue', severity: 'error' },
    { id: 'degree_within_employees', kind: 'compare', left: 'employees_degree', op: '<=', right: 'employees', severity: 'error' },
    { id: 'st_within_employees', kind: 'compare', left: 'st_personnel', op: '<=', right: 'employees', severity: 'error' },
    { id: 'foreign_within_employees', kind: 'compare', left: 'foreign_employees', op: '<=', right: 'employees', severity: 'error' },
    { id: 'exports_within_revenue', kind: 'compare', left: 'exports', op: '<=', right: 'operating_revenue', severity: 'error' },
    { id: 'technical_income_within_revenue', kind: 'compare', left: 'technical_income', op: '<=', right: 'operating_revenue', severity: 'error' },
    { id: 'core_figures', kind: 'required', indicators: ['employees', 'operating_revenue'], severity: 'error' },
    // biome-ignore lint/suspicious/noThenProperty: `then` is the rule's field name (validation/rules.ts); a rule is never awaited
    { id: 'rd_needs_personnel', kind: 'requiredPair', when: 'rd_expenditure', whenNonZero: true, then: ['st_personnel'], severity: 'error' },
    { id: 'granted_within_valid', kind: 'compare', left: 'invention_patents_granted', op: '<=', right: 'valid_invention_patents', severity: 'warning' },
    { id: 'revenue_vs_last_year', kind: 'outlierMinMax', indicator: 'operating_revenue', minRatio: 0.2, maxRatio: 5, severity: 'warning' },
    { id: 'employees_vs_history', kind: 'outlierZScore', indicator: 'employees', maxZ: 3, minHistory: 3, severity: 'warning' },
  ],
  incubator: [
    { id: 'core_figures', kind: 'required', indicators: ['tenants', 'incubator_space_m2'], severity: 'error' },
    // biome-ignore lint/suspicious/noThenProperty: `then` is the rule's field name (validation/rules.ts); a rule is never awaited
    { id: 'tenants_need_jobs', kind: 'requiredPair', when: 'tenants', whenNonZero: true, then: ['tenant_jobs'], severity: 'error' },
    { id: 'tenants_vs_last_year', kind: 'outlierMinMax', indicator: 'tenants', minRatio: 0.25, maxRatio: 4, severity: 'warning' },
  ],
  zone: [
    { id: 'rd_within_revenue', kind: 'compare', left: 'rd_expenditure', op: '<=', right: 'operating_revenue', severity: 'error' },
    { id: 'degree_within_employees', kind: 'compare', left: 'employees_degree', op: '<=', right: 'employees', severity: 'error' },
    { id: 'revenue_vs_last_year', kind: 'outlierMinMax', indicator: 'operating_revenue', minRatio: 0.2, maxRatio: 5, severity: 'warning' },
  ],
};
