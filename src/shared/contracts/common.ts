import { z } from 'zod';

/** The one error shape of the API. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z
      .array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() }))
      .optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Every list endpoint takes these and answers { items, total }. */
export const ListQuery = z.object({
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  sort: z.string().max(100).optional(),
});
export type ListQuery = z.infer<typeof ListQuery>;

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

export const IdParam = z.object({ id: z.uuid() });
export const Ok = z.object({ ok: z.literal(true) });
