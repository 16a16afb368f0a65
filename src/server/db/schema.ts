// The schema index: every module's tables, for drizzle and drizzle-kit.
export * from '../platform/accounts/accounts.tables';
export * from '../platform/audit/audit.tables';
export * from '../platform/jobs/jobs.tables';
export * from '../platform/notifications/notifications.tables';
export * from '../platform/files/files.tables';
export * from '../modules/registry/registry.tables';
export * from '../modules/funding/calls/calls.tables';
export * from '../modules/funding/applications/applications.tables';
export * from '../modules/funding/review/review.tables';
export * from '../modules/funding/awards/awards.tables';
export * from '../modules/statistics/statistics.tables';
export * from '../modules/techmarket/techmarket.tables';
export * from '../modules/cooperation/cooperation.tables';
