import type { Category } from '../../core/errors.js';

/**
 * Notebook error codes (docs/providers-modern.md §M2), all sent with HTTP 400. Already stopped (6307) and stopping
 * (6308) are refusals the engine explains by reading the status; 6309 means the instance does not exist.
 */
export const ERROR_CODES: Readonly<Record<string, Category>> = {
  'ModelArts.6306': 'conflict',
  'ModelArts.6307': 'conflict',
  'ModelArts.6308': 'conflict',
  'ModelArts.6309': 'not_found',
  'ModelArts.6326': 'conflict',
  'ModelArts.6327': 'conflict',
};
