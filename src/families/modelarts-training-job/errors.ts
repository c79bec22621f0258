import type { Category } from '../../core/errors.js';

/** Training job error codes (docs/providers-modern.md §M1). 2775 "not found" comes as an HTTP 400. */
export const ERROR_CODES: Readonly<Record<string, Category>> = {
  'ModelArts.2775': 'not_found',
  'ModelArts.2796': 'conflict',
};
