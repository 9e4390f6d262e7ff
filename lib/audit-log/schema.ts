import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .max(60)
  .optional()
  .transform((value) => value || undefined);

const optionalDate = z
  .string()
  .optional()
  .transform((value) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined));

/** Filters of the audit log page, read from the URL (bad values are ignored, never an error page). */
export const ZAuditFilters = z.object({
  actor: optionalText,
  action: optionalText,
  entityType: optionalText,
  from: optionalDate,
  to: optionalDate,
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type TAuditFilters = z.infer<typeof ZAuditFilters>;
