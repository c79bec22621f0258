// The server keeps serving: thousands of hostile, failing and valid calls in one process, no unhandled rejection,
// and the heap after garbage collection ends about where it started.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/server.js';
import { PROJECT, connect, envFor, startFake } from '../helpers/harness.js';
import { HOSTILE_KEYS, HOSTILE_STRINGS, minimalArgs, toolShapes } from '../helpers/inputs.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let sim: Simulator;
let mcp: Awaited<ReturnType<typeof connect>>;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  sim = await startFake();
  mcp = await connect(envFor(sim, { HUAWEICLOUD_SDK_PROJECT_ID: PROJECT }), ['--timeout-ms', '2000']);
});
afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  await mcp.close();
  await sim.close();
});

function heapAfterGc(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

it('3,000 mixed calls leave no unhandled rejection and a flat heap', async () => {
  const shapes = await toolShapes(mcp.client);
  const calls: Array<[string, Record<string, unknown>]> = [];
  for (const shape of shapes) {
    const base = minimalArgs(shape);
    for (const field of Object.keys(shape.props))
      for (const hostile of HOSTILE_STRINGS) calls.push([shape.name, { ...base, [field]: hostile }]);
    for (const key of HOSTILE_KEYS) calls.push([shape.name, { ...base, [key]: key }]);
    calls.push([shape.name, base]); // valid: reaches the simulator
  }
  let n = 0;
  sim.intercept(() => (n++ % 7 === 0 ? { status: 500, body: '<html>oops</html>' } : undefined)); // some upstream failures too

  const round = async () => {
    for (const [tool, args] of calls) await mcp.call(tool, args);
    sim.requests.length = 0; // the simulator's own log is not ours to measure
  };
  await round(); // warm up: JIT, caches, connection pool
  const before = heapAfterGc();
  let total = 0;
  while (total < 3000) {
    await round();
    total += calls.length;
  }
  const growth = heapAfterGc() - before;

  expect(rejections).toEqual([]);
  expect(growth).toBeLessThan(16 * 1024 * 1024);
  const still = await mcp.call('qianfan_get_fine_tuning_task', { task_id: 'task-still-serving' });
  expect(still.isError || still.result.ok).toBe(true);
  expect(still.result.operation).toBe('qianfan_get_fine_tuning_task');
}, 120_000);
