// The V8 flags the bin entry and the HTTP entry set at run time (src/core/heap.ts) exist in the Node running the tests
// (CI runs the suite on Node 20 and 22): V8 would only warn about an unknown one, and the setting would be lost.
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { DEFAULT_HEAP_FLAGS, SMALL_HEAP_FLAGS } from '../../src/core/heap.js';

it('every flag set at run time is one this Node knows, and each small-heap flag has its default', () => {
  const known = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
  const name = (flag: string) => flag.replace(/^--(no-)?/, '').replace(/=.*$/, '');
  for (const flag of [...SMALL_HEAP_FLAGS, ...DEFAULT_HEAP_FLAGS]) expect(known).toContain(`  --${name(flag)} (`);
  expect(SMALL_HEAP_FLAGS.map(name)).toEqual(DEFAULT_HEAP_FLAGS.map(name));
});
