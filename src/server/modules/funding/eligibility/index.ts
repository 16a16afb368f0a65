/** The seed fund's eligibility engine (issue 4): rules as data, a pure evaluator, the seeds' default rules. */
export * from './rules';
export * from './evaluate';
export * from './default-rules';
export * from './facts';
