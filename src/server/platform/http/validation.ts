import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import { translate } from '../../../shared/i18n';
import { AppError } from '../errors';
import type { Language } from '../../../shared/roles';

/** Carries what failed so the error handler can explain it in the caller's language. */
export class RequestValidationError extends Error {
  statusCode: number;
  constructor(
    readonly schema: z.ZodType,
    readonly input: unknown,
    readonly httpPart: string,
  ) {
    super('validation_failed');
    // A well-formed body with wrong content is 422; a bad query string or path is 400.
    this.statusCode = httpPart === 'body' ? 422 : 400;
  }
}

export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(schema, data, httpPart ?? 'body') };
  };

const LOCALES = { en: z.locales.en, zh: z.locales.zhCN, ur: z.locales.ur } as const;

/** zod's own messages in our three languages. */
export const zodErrorMap = (lang: Language): z.core.$ZodErrorMap => {
  // Built once per language: zod's locale factories make a new set of closures on every call.
  ERROR_MAPS[lang] ??= LOCALES[lang]().localeError as z.core.$ZodErrorMap;
  return ERROR_MAPS[lang];
};
const ERROR_MAPS: Partial<Record<Language, z.core.$ZodErrorMap>> = {};

/**
 * A contract's own rule (a `refine`) names its message as a key of errors:validation (`validation.one_language`):
 * the shared contracts carry no language, and the reader's is only known here.
 */
export const issueMessage = (lang: Language, message: string): string =>
  /^validation\.[a-z_]+$/.test(message) ? translate(lang, `errors:${message}`) : message;

/** Parses with zod's messages in `lang`; the issues as the API reports them (path joined with dots). */
export function validationIssues<S extends z.ZodType>(schema: S, input: unknown, lang: Language) {
  // Parsed plainly first: zod takes a slower path when given an error map, needed only to word a failure.
  const plain = schema.safeParse(input);
  const result = plain.success ? plain : schema.safeParse(input, { error: zodErrorMap(lang) });
  if (result.success) return { data: result.data as z.output<S>, issues: [] };
  const issues = result.error.issues.map((issue) => ({ path: issue.path.map(String), message: issueMessage(lang, issue.message), code: issue.code }));
  return { data: undefined, issues };
}

export function localizedIssues(err: RequestValidationError, lang: Language) {
  return validationIssues(err.schema, err.input, lang).issues.map((issue) => ({
    path: [err.httpPart === 'body' ? '' : err.httpPart, ...issue.path].filter(Boolean).join('.'),
    message: issue.message,
    code: issue.code,
  }));
}

/**
 * A service's own parse of its input (the route has parsed it already, but the CLI, the demo and the tests call the
 * services directly): the data, or a 422 with the issues in the caller's language.
 */
export function parseInput<S extends z.ZodType>(ctx: { lang: Language }, schema: S, raw: unknown): z.output<S> {
  const { data, issues } = validationIssues(schema, raw, ctx.lang);
  if (!issues.length) return data as z.output<S>;
  throw new AppError(
    422,
    'validation_failed',
    {},
    issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code })),
  );
}
