// zod builders for the id inputs tools take; every id follows the id rule (core/id-rule.ts).
import * as z from 'zod/v4';
import { ID_RULE } from './id-rule.js';

export function paramId(description: string) {
  return z
    .string({ error: `must be a string of ${ID_RULE}` })
    .min(1, { error: 'must not be empty' })
    .max(128, { error: 'must be at most 128 characters' })
    .regex(/^[A-Za-z0-9._-]+$/, { error: `may only contain ${ID_RULE}` })
    .refine((v) => v !== '.' && v !== '..', { error: "must not be '.' or '..'" })
    .describe(description);
}

/** Decimal-digit id (ModelArts v1 ids are Longs): a digit string, or a non-negative safe integer. */
export function paramNumericId(description: string) {
  const error = 'must be a decimal-digit string (1-19 digits) or a non-negative integer';
  return z
    .union(
      [
        z.string().regex(/^[0-9]{1,19}$/, { error }),
        z.number({ error }).int({ error }).nonnegative({ error }).refine(Number.isSafeInteger, { error }),
      ],
      { error },
    )
    .transform(String)
    .describe(description);
}
