import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
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

export function localizedIssues(err: RequestValidationError, lang: Language) {
  const result = err.schema.safeParse(err.input, { error: zodErrorMap(lang) });
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    path: [err.httpPart === 'body' ? '' : err.httpPart, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
    code: issue.code,
  }));
}
