import type { CompareOp } from './rules';

/**
 * Comparing survey figures. Figures arrive as decimals (money in thousands of yuan or rupees, shares)
 * and expressions add and divide them, so 0.1 + 0.2 must equal 0.3: two numbers count as equal when they
 * differ by at most `RELATIVE_TOLERANCE` of the larger magnitude (one part in a billion), or by at most
 * the same amount absolutely near zero (|a|, |b| < 1). A billionth is far below any reporting precision
 * and far above the rounding error of double arithmetic (about 1e-16 relative).
 *
 * The tolerance applies to every operator, so each operator and its negation are exact complements
 * (`<=` and `>`, `<` and `>=`, `=` and `!=`): for any two numbers exactly one of each pair holds.
 */
export const RELATIVE_TOLERANCE = 1e-9;

export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

export function compareHolds(a: number, op: CompareOp, b: number): boolean {
  const eq = nearlyEqual(a, b);
  switch (op) {
    case '<=':
      return eq || a < b;
    case '<':
      return !eq && a < b;
    case '>=':
      return eq || a > b;
    case '>':
      return !eq && a > b;
    case '=':
      return eq;
    case '!=':
      return !eq;
  }
}

/** The operator that holds exactly when `op` does not. */
export const NEGATION: Record<CompareOp, CompareOp> = { '<=': '>', '<': '>=', '>=': '<', '>': '<=', '=': '!=', '!=': '=' };

/** Names of the operators where a symbol cannot go: i18n keys (`validation.compare_failed.lte`). */
export const OP_NAME: Record<CompareOp, 'lte' | 'lt' | 'gte' | 'gt' | 'eq' | 'ne'> = { '<=': 'lte', '<': 'lt', '>=': 'gte', '>': 'gt', '=': 'eq', '!=': 'ne' };
