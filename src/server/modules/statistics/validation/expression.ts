import jsep from 'jsep';
import { COMPARE_OPS, type CompareOp } from './rules';

/**
 * Arithmetic over indicator codes: numbers, codes (lower-case snake_case), + - * /, unary minus and
 * parentheses. `jsep` (https://ericsmekens.github.io/jsep/) does the parsing; it knows far more of
 * JavaScript than we allow, so its tree is narrowed to `Expr` and everything else (calls, `**`, `%`,
 * comparisons, member access, strings, booleans) is refused with the column where it starts. jsep's
 * operator tables are process-wide, so we never change them: the narrowing is ours.
 *
 * When two problems exist, the one further left is reported: that is where a reader starts fixing.
 */

export type BinaryOp = '+' | '-' | '*' | '/';
export type Expr =
  | { type: 'number'; value: number }
  | { type: 'indicator'; code: string }
  | { type: 'negate'; argument: Expr }
  | { type: 'binary'; op: BinaryOp; left: Expr; right: Expr };

/** Indicator codes: a lower-case letter, then lower-case letters, digits or `_` (`rd_expenditure`, `employees_degree`). */
export const INDICATOR_CODE = /^[a-z][a-z0-9_]*$/;
/** Long enough for any survey formula; short enough that jsep's recursion stays shallow. */
export const MAX_EXPRESSION_LENGTH = 1000;

/** A refused expression. `index` is 0-based into `text` (= text.length when the problem is at the end). */
export class ExpressionError extends Error {
  override name = 'ExpressionError';
  constructor(
    readonly text: string,
    readonly index: number,
    readonly problem: string,
  ) {
    const where = index >= text.trimEnd().length ? 'at the end' : `at column ${index + 1}`;
    super(`${problem} (${where} of "${text}")`);
  }
}

export function parseExpression(text: string): Expr {
  return parseSpan(text, 0, text.length);
}

/** Every indicator code the expression reads, in order of first appearance. */
export function indicatorsOf(expr: Expr): string[] {
  const out = new Set<string>();
  const visit = (e: Expr): void => {
    if (e.type === 'indicator') out.add(e.code);
    else if (e.type === 'negate') visit(e.argument);
    else if (e.type === 'binary') {
      visit(e.left);
      visit(e.right);
    }
  };
  visit(expr);
  return [...out];
}

export type Values = Record<string, number | null | undefined>;

/** A value counts only when it is a finite number; null, undefined, NaN and ±∞ are "no value". */
export function valueIn(values: Values, code: string): number | null {
  const v = Object.hasOwn(values, code) ? values[code] : undefined;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export type Computation = { ok: true; value: number } | { ok: false; reason: 'missing_values'; missing: string[] } | { ok: false; reason: 'division_by_zero' };

/**
 * The expression's value, or why there is none: indicators without a value (all of them, so a form can
 * point at each), else a division by zero. A missing value wins over a division by zero: filling it in
 * may change the divisor. A non-finite result (only a division by a figure near zero can overflow with
 * survey-sized numbers) counts as a division by zero.
 */
export function computeExpression(expr: Expr, values: Values): Computation {
  const missing = indicatorsOf(expr).filter((code) => valueIn(values, code) === null);
  if (missing.length > 0) return { ok: false, reason: 'missing_values', missing };
  const value = calc(expr, values);
  return value === null || !Number.isFinite(value) ? { ok: false, reason: 'division_by_zero' } : { ok: true, value };
}

/** The value, or null: an indicator has no value, or the expression divides by zero (`computeExpression` says which). */
export function evaluateExpression(expr: Expr, values: Values): number | null {
  const c = computeExpression(expr, values);
  return c.ok ? c.value : null;
}

function calc(e: Expr, values: Values): number | null {
  switch (e.type) {
    case 'number':
      return e.value;
    case 'indicator':
      return valueIn(values, e.code);
    case 'negate': {
      const a = calc(e.argument, values);
      return a === null ? null : -a;
    }
    case 'binary': {
      const a = calc(e.left, values);
      const b = calc(e.right, values);
      if (a === null || b === null) return null;
      if (e.op === '+') return a + b;
      if (e.op === '-') return a - b;
      if (e.op === '*') return a * b;
      return b === 0 ? null : a / b;
    }
  }
}

// ── Printing ─────────────────────────────────────────────────────────────────

export type PrintOptions = {
  /** How to show an indicator (default: its code). */
  name?: (code: string) => string;
  /** How to show a number (default: `String`). */
  number?: (n: number) => string;
  /** `ascii` prints + - * / (parseable again); `math` prints + − × ÷ for people. Default `ascii`. */
  symbols?: 'ascii' | 'math';
};

const PRECEDENCE: Record<BinaryOp, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };
const MATH: Record<BinaryOp, string> = { '+': '+', '-': '−', '*': '×', '/': '÷' };

/** The expression as text, with only the parentheses its meaning needs. */
export function formatExpression(expr: Expr, options: PrintOptions = {}): string {
  const name = options.name ?? ((c: string) => c);
  const num = options.number ?? String;
  const math = options.symbols === 'math';
  const minus = math ? '−' : '-';
  // `context`: the precedence the surroundings bind with; `right`: the right operand of a binary operator,
  // where a negation needs parentheses (a − (−b)); on the left, unary minus binds tighter anyway (−a × b).
  const print = (e: Expr, context: number, right: boolean): string => {
    switch (e.type) {
      case 'number':
        return e.value < 0 ? wrap(`${minus}${num(-e.value)}`, right) : num(e.value);
      case 'indicator':
        return name(e.code);
      case 'negate':
        return wrap(`${minus}${print(e.argument, 3, true)}`, right);
      case 'binary': {
        const p = PRECEDENCE[e.op];
        // a − (b − c) and a ÷ (b × c) keep their parentheses; (a − b) − c does not need them.
        const text = `${print(e.left, p, false)} ${math ? MATH[e.op] : e.op} ${print(e.right, p + 1, true)}`;
        return wrap(text, p < context);
      }
    }
  };
  return print(expr, 0, false);
}
const wrap = (text: string, yes: boolean) => (yes ? `(${text})` : text);

// ── Parsing ──────────────────────────────────────────────────────────────────

/**
 * A whole comparison typed as one line, `rd_expenditure <= operating_revenue`: the shape of a `compare`
 * rule. Exactly one comparison operator; `==` is read as `=`, `<>` as `!=`.
 */
export function parseComparison(text: string): { left: string; op: CompareOp; right: string } {
  const comparisons = scan(text, 0, text.length).filter((t) => t.kind === 'bad' && COMPARISON_TOKENS.has(t.text));
  if (comparisons.length === 0) {
    throw new ExpressionError(text, text.length, `expected a comparison (${COMPARE_OPS.join(' ')}) between two expressions`);
  }
  if (comparisons.length > 1) {
    throw new ExpressionError(text, comparisons[1].index, `only one comparison is allowed; found "${comparisons[1].text}" after "${comparisons[0].text}"`);
  }
  const c = comparisons[0];
  const op = normaliseComparison(c.text);
  if (!op) throw new ExpressionError(text, c.index, `"${c.text}" is not a comparison we know; use one of ${COMPARE_OPS.join(' ')}`);
  const end = c.index + c.text.length;
  if (text.slice(0, c.index).trim() === '') throw new ExpressionError(text, c.index, `expected an expression before "${c.text}"`);
  if (text.slice(end).trim() === '') throw new ExpressionError(text, text.length, `expected an expression after "${c.text}"`);
  parseSpan(text, 0, c.index);
  parseSpan(text, end, text.length);
  return { left: text.slice(0, c.index).trim(), op, right: text.slice(end).trim() };
}

const COMPARISON_TOKENS = new Set(['<=', '<', '>=', '>', '=', '==', '===', '!=', '!==', '<>']);
function normaliseComparison(t: string): CompareOp | null {
  if (t === '==' || t === '===') return '=';
  if (t === '!==' || t === '<>') return '!=';
  return (COMPARE_OPS as readonly string[]).includes(t) ? (t as CompareOp) : null;
}

/** Parses `text.slice(start, end)`; errors point into the whole `text`. */
function parseSpan(text: string, start: number, end: number): Expr {
  if (typeof text !== 'string') throw new ExpressionError(String(text), 0, 'an expression must be text');
  const part = text.slice(start, end);
  if (part.length > MAX_EXPRESSION_LENGTH) throw new ExpressionError(text, start + MAX_EXPRESSION_LENGTH, `longer than ${MAX_EXPRESSION_LENGTH} characters`);
  if (part.trim() === '') throw new ExpressionError(text, end, 'expected an expression: a number or an indicator code');

  const lexical = lexicalProblem(scan(text, start, end), text, end);
  let tree: jsep.Expression | undefined;
  let syntax: ExpressionError | undefined;
  try {
    tree = jsep(part);
  } catch (err) {
    const e = err as Error & { index?: number; description?: string };
    const { problem, back } = describeJsepError(e.description ?? e.message);
    syntax = new ExpressionError(text, Math.max(start, start + (e.index ?? 0) - back), problem);
  }
  // The problem further left wins. At the same place ours names the construct (`=`, `**`), except an
  // operand after an operand, where jsep's (a malformed number: `1.2.3`) is the more precise.
  if (syntax && (!lexical || syntax.index < lexical.index || (syntax.index === lexical.index && lexical.weak))) throw syntax;
  if (lexical) throw lexical.error;
  return narrow(tree as jsep.Expression, text, start);
}

/**
 * jsep's messages, said in our terms. `back`: how far before jsep's index the problem starts (jsep
 * reports a malformed number where it gave up, we point at the number's first character).
 */
function describeJsepError(description: string): { problem: string; back: number } {
  const say = (problem: string, back = 0) => ({ problem, back });
  let m = description.match(/^Expected expression after (.+)$/);
  if (m) return say(`expected a number, an indicator code or "(" after "${m[1]}"`);
  if (/^missing unaryOp argument$/i.test(description)) return say('expected a number, an indicator code or "(" after "-"');
  if (/^Unclosed \($/.test(description)) return say('missing ")" to close a "("');
  if (/^Expected \)$/.test(description)) return say('expected ")"');
  m = description.match(/^Unexpected "(.+)"$/);
  if (m) return say(m[1] === ')' ? 'unexpected ")": there is no "(" to close' : `unexpected "${m[1]}"`);
  m = description.match(/^Variable names cannot start with a number \((.+)\)$/);
  if (m) return say(`"${m[1]}" is neither a number nor an indicator code (a code starts with a letter)`, m[1].length - 1);
  if (/^Unexpected period$/.test(description)) return say('unexpected "." (a number has at most one decimal point)');
  m = description.match(/^Expected exponent \((.+)\)$/);
  if (m) return say(`"${m[1]}" needs digits after the exponent`, m[1].length);
  return say(description.charAt(0).toLowerCase() + description.slice(1));
}

type Token = { kind: 'number' | 'name' | 'op' | 'open' | 'close' | 'bad'; text: string; index: number };

const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[\p{L}_$][\p{L}\p{N}_$]*/uy;
/** Longest first, so `**` is not read as two `*` and `<=` not as `<` then `=`. */
const BAD = /===|!==|\*\*|<=|>=|==|!=|<>|&&|\|\||\?\?|>>>|<<|>>|[<>=!%^&|~?:,.[\]{}'"`#@\\;]/y;

function scan(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  const match = (re: RegExp, i: number): string | null => {
    re.lastIndex = i;
    const m = re.exec(text);
    return m && i + m[0].length <= end ? m[0] : null;
  };
  let i = start;
  while (i < end) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const token = ((): Token => {
      const number = match(NUMBER, i);
      if (number) return { kind: 'number', text: number, index: i };
      const name = match(NAME, i);
      if (name) return { kind: 'name', text: name, index: i };
      const bad = match(BAD, i);
      if (bad) return { kind: 'bad', text: bad, index: i };
      if ('+-*/'.includes(ch)) return { kind: 'op', text: ch, index: i };
      if (ch === '(') return { kind: 'open', text: ch, index: i };
      if (ch === ')') return { kind: 'close', text: ch, index: i };
      return { kind: 'bad', text: String.fromCodePoint(text.codePointAt(i) ?? 0), index: i };
    })();
    tokens.push(token);
    i += token.text.length;
  }
  return tokens;
}

const KEYWORDS = new Set(['true', 'false', 'null', 'undefined', 'this', 'nan', 'infinity']);

/** The first token that has no place in our arithmetic, however jsep would read it. */
function lexicalProblem(tokens: Token[], text: string, end: number): { error: ExpressionError; index: number; weak: boolean } | undefined {
  const found = firstLexicalProblem(tokens, text, end);
  return found && { error: found, index: found.index, weak: found.problem.startsWith(ADJACENT) };
}
const ADJACENT = 'expected an operator';

function firstLexicalProblem(tokens: Token[], text: string, end: number): ExpressionError | undefined {
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    const prev = tokens[k - 1];
    const fail = (problem: string) => new ExpressionError(text, t.index, problem);
    // `3a`, `1e`: jsep reports the malformed number where it starts, in better words.
    if (prev?.kind === 'number' && t.kind === 'name' && prev.index + prev.text.length === t.index) continue;
    if (t.kind === 'bad') return fail(describeBad(t.text));
    if (t.kind === 'name' && (KEYWORDS.has(t.text.toLowerCase()) || !INDICATOR_CODE.test(t.text))) {
      return KEYWORDS.has(t.text.toLowerCase())
        ? fail(`"${t.text}" is not a number or an indicator code`)
        : fail(`"${t.text}" is not an indicator code: use lower-case letters, digits and _, starting with a letter (e.g. rd_expenditure)`);
    }
    const operandEnds = prev && (prev.kind === 'number' || prev.kind === 'name' || prev.kind === 'close');
    if (t.kind === 'open' && prev?.kind === 'name') return new ExpressionError(text, prev.index, `functions such as "${prev.text}(…)" are not supported`);
    if (operandEnds && (t.kind === 'number' || t.kind === 'name' || t.kind === 'open')) return fail(`${ADJACENT} (+ - * /) before "${t.text}"`);
    if (t.kind === 'close' && prev?.kind === 'open') return fail('expected an expression inside "( )"');
    if (t.kind === 'op' && t.text === '+' && (!prev || prev.kind === 'op' || prev.kind === 'open')) return fail('a leading "+" is not needed: remove it');
  }
  return tokens.length === 0 ? new ExpressionError(text, end, 'expected an expression: a number or an indicator code') : undefined;
}

function describeBad(t: string): string {
  if (t === '**' || t === '^') return `"${t}" (power) is not supported: only + - * / and parentheses`;
  if (COMPARISON_TOKENS.has(t)) return `a comparison ("${t}") is not allowed inside an expression: a compare rule takes it as its "op"`;
  if (t === '%') return '"%" (remainder) is not supported: only + - * / and parentheses';
  if (t === '.' || t === '[' || t === ']') return `"${t}" is not allowed: indicator codes are plain names such as rd_expenditure`;
  if (t === '"' || t === "'" || t === '`') return 'text in quotes is not allowed: use numbers and indicator codes';
  if (t === ',') return '"," is not allowed: write one formula, and numbers without thousands separators';
  return `"${t}" is not allowed: use numbers, indicator codes, + - * / and parentheses`;
}

/** jsep's tree → `Expr`. The lexical check has refused everything else; this is the last guard. */
function narrow(node: jsep.Expression, text: string, start: number): Expr {
  const refuse = (what: string): never => {
    throw new ExpressionError(text, start, `${what} is not supported: only numbers, indicator codes, + - * / and parentheses`);
  };
  switch (node.type) {
    case 'Literal': {
      const value = (node as jsep.Literal).value;
      if (typeof value !== 'number' || !Number.isFinite(value)) return refuse(`the value ${String((node as jsep.Literal).raw)}`);
      return { type: 'number', value };
    }
    case 'Identifier':
      return { type: 'indicator', code: (node as jsep.Identifier).name };
    case 'UnaryExpression': {
      const u = node as jsep.UnaryExpression;
      if (u.operator !== '-') return refuse(`"${u.operator}"`);
      const argument = narrow(u.argument, text, start);
      // −5 is the number −5; −x stays a negation.
      return argument.type === 'number' ? { type: 'number', value: -argument.value } : { type: 'negate', argument };
    }
    case 'BinaryExpression': {
      const b = node as jsep.BinaryExpression;
      if (!['+', '-', '*', '/'].includes(b.operator)) return refuse(`"${b.operator}"`);
      return { type: 'binary', op: b.operator as BinaryOp, left: narrow(b.left, text, start), right: narrow(b.right, text, start) };
    }
    default:
      return refuse(`a ${node.type}`);
  }
}
