// Opt-in confirmation through a real MCP client that answers elicitation requests, in both protocol eras: a
// 2026-07-28 client is asked through input_required (the call comes back with the answer), a 2025-era session by
// the SDK's shim (elicitation/create). test/integration/confirm-rounds.test.ts drives the rounds by hand.
import type { ElicitRequest, ElicitResult } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/server.js';
import { STOP_CASES, freshId, isStop } from '../helpers/families.js';
import { ERAS, PROJECT, connect, envFor, startFake, type Era } from '../helpers/harness.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startFake();
});
afterAll(() => sim.close());

type Params = ElicitRequest['params'];

/** A client that declares elicitation and answers with `answer(params)`; every request it got is in `asked`. */
let era: Era = 'modern';

async function confirming(answer: (params: Params) => ElicitResult, env: Record<string, string | undefined> = {}) {
  const asked: Params[] = [];
  const m = await connect(
    envFor(sim, { HUAWEICLOUD_SDK_PROJECT_ID: PROJECT, ...env }),
    env.ML_STOP_CONFIRM ? [] : ['--confirm'],
    undefined,
    {
      era,
      elicit: (params) => {
        asked.push(params);
        return answer(params);
      },
    },
  );
  return { ...m, asked };
}

/** Types the value the form asks for, as a careful user would. */
const typeTheId = (params: Params): ElicitResult => {
  const field = (params as { requestedSchema: { required: string[] } }).requestedSchema.required[0]!;
  return { action: 'accept', content: { [field]: /type the \w+ \(([^)]+)\)/.exec(params.message)![1]! } };
};

describe.each(ERAS)('%s era', (current) => {
  beforeAll(() => void (era = current));

  describe.each(STOP_CASES)('$tool with --confirm', (c) => {
    it(`asks for the ${c.confirmField}, naming provider, operation and ids, and stops when it is typed`, async () => {
      const m = await confirming(typeTheId);
      const id = freshId();
      const args = c.args(id);
      const called = await m.call(c.tool, args);
      expect(called.result).toMatchObject({ ok: true, outcome: 'stop_requested' });
      expect(sim.inventory.get(c.family, c.ids(id))!.stopRequests).toBe(1);
      expect(m.asked).toHaveLength(1);
      const params = m.asked[0] as Params & { mode?: string; requestedSchema: Record<string, unknown> };
      expect(params.mode).toBe('form');
      expect(params.requestedSchema).toEqual({
        type: 'object',
        properties: {
          [c.confirmField]: {
            type: 'string',
            title: c.confirmField,
            description: `Type ${args[c.confirmField]} to stop it.`,
          },
        },
        required: [c.confirmField],
      });
      expect(params.message).toContain(c.family.startsWith('modelarts') ? 'Huawei Cloud: ' : 'Baidu Qianfan: ');
      expect(params.message).toContain(`Operation ${c.tool} on `);
      for (const [k, v] of Object.entries(args)) expect(params.message).toContain(`${k} ${v}`);
      if (c.family.startsWith('modelarts')) expect(params.message).toContain('region cn-north-4');
      await m.close();
    });
  });

  describe('declined confirmations send nothing', () => {
    it.each([
      ['decline', { action: 'decline' }, 'The user declined the confirmation; nothing was sent.'],
      ['cancel', { action: 'cancel' }, 'The user cancelled the confirmation; nothing was sent.'],
      [
        'a wrong id',
        { action: 'accept', content: { task_id: 'r0jT2zwxBDKf8KEnSuX' } },
        'The task_id typed to confirm did not match r0jT2zwxBDKf8KEnSuZ; nothing was sent. Call again if the user still wants it stopped.',
      ],
      [
        'an id typed with spaces around it',
        { action: 'accept', content: { task_id: ' r0jT2zwxBDKf8KEnSu ' } },
        'The task_id typed to confirm did not match r0jT2zwxBDKf8KEnSuZ; nothing was sent. Call again if the user still wants it stopped.',
      ],
    ] as Array<[string, ElicitResult, string]>)('%s is declined', async (_name, answer, note) => {
      const m = await confirming(() => answer);
      const before = sim.requests.length;
      const called = await m.call('modelarts_stop_intelligent_task', {
        dataset_id: 'gfghHSokody6AJigS5A',
        task_id: 'r0jT2zwxBDKf8KEnSuZ',
      });
      expect(sim.requests.length).toBe(before);
      expect(called.isError).toBe(false);
      expect(called.result).toEqual({
        ok: true,
        outcome: 'declined',
        provider: 'huaweicloud',
        operation: 'modelarts_stop_intelligent_task',
        target: { dataset_id: 'gfghHSokody6AJigS5A', task_id: 'r0jT2zwxBDKf8KEnSuZ' },
        http_status: null,
        request_id: null,
        attempts: 0,
        note,
      });
      await m.close();
    });

    it('the typed id may carry spaces around it', async () => {
      const version = freshId();
      const m = await confirming(() => ({ action: 'accept', content: { version_id: ` ${version} ` } }));
      const called = await m.call('modelarts_stop_training_job_version', { job_id: '182626', version_id: version });
      // Two requests: the status read just before the stop (the user may have taken minutes), and the stop.
      expect(called.result).toMatchObject({ ok: true, outcome: 'stop_requested', attempts: 2 });
      await m.close();
    });

    it('a version_id typed for a training job must be the version, not the job', async () => {
      const m = await confirming(() => ({ action: 'accept', content: { version_id: '182626' } }));
      const before = sim.requests.length;
      const called = await m.call('modelarts_stop_training_job_version', { job_id: '182626', version_id: '278813' });
      expect(sim.requests.filter(isStop).length).toBe(sim.requests.slice(0, before).filter(isStop).length);
      expect(called.result).toMatchObject({ ok: true, outcome: 'declined', attempts: 0 });
      await m.close();
    });
  });

  describe('fail closed, and never for reads or dry runs', () => {
    it('a client without elicitation gets an isError result saying why and how to turn confirmation off', async () => {
      const m = await connect(envFor(sim, { ML_STOP_CONFIRM: 'true' }), [], undefined, { era });
      const before = sim.requests.length;
      const called = await m.call('qianfan_stop_fine_tuning_task', { task_id: 'task-noelicit' });
      expect(sim.requests.length).toBe(before);
      expect(called.isError).toBe(true);
      expect(called.result).toMatchObject({ ok: false, outcome: 'failed', attempts: 0, http_status: null });
      expect(called.result.error).toMatchObject({
        code: 'ConfirmationUnavailable',
        category: 'config',
        retryable: false,
      });
      expect(called.result.error.message).toContain('did not declare the elicitation capability');
      expect(called.result.error.hint).toContain('without --confirm and with ML_STOP_CONFIRM unset or false');
      await m.close();
    });

    it('an accept that does not fill the form is a mismatch, and nothing is sent', async () => {
      const m = await confirming(() => ({ action: 'accept', content: {} }));
      const before = sim.requests.length;
      const called = await m.call('qianfan_stop_batch_inference_task', { task_id: `infer-empty-form-${era}` });
      expect(sim.requests.length).toBe(before);
      expect(called.result).toMatchObject({ ok: true, outcome: 'declined', attempts: 0 });
      expect(called.result.note).toContain('did not match');
      await m.close();
    });

    it('a client whose elicitation handler fails gets no stop: the call fails, and nothing is sent', async () => {
      const m = await confirming(() => {
        throw new Error('no UI attached');
      });
      const before = sim.requests.length;
      // 2026-07-28: the client fails while fulfilling the question and rejects the call; 2025: the shim answers an
      // error result. Either way the call never comes back with an answer, so no stop is sent.
      const outcome = await m.call('qianfan_stop_batch_inference_task', { task_id: `infer-broken-ui-${era}` }).then(
        (called) => (called.isError ? 'error result' : 'result'),
        (err: Error) => `rejected: ${err.message}`,
      );
      expect(outcome).toMatch(era === 'modern' ? /^rejected: .*no UI attached/ : /^error result$/);
      expect(sim.requests.length).toBe(before);
      await m.close();
    });

    it('dry runs and status reads never ask', async () => {
      const m = await confirming(typeTheId, { ML_STOP_CONFIRM: '1' });
      const dry = await m.call('qianfan_stop_evaluation_task', { evaluation_id: 'ame-dry', dry_run: true });
      const status = await m.call('qianfan_get_evaluation_task', { evaluation_id: 'ame-dry' });
      expect(dry.result).toMatchObject({ ok: true, outcome: 'dry_run' });
      expect(status.result).toMatchObject({ ok: true, outcome: 'status' });
      expect(m.asked).toEqual([]);
      await m.close();
    });

    it('without --confirm a client that can elicit is never asked', async () => {
      const asked: unknown[] = [];
      const m = await connect(envFor(sim), [], undefined, {
        era,
        elicit: (p) => (asked.push(p), { action: 'decline' }),
      });
      const called = await m.call('qianfan_stop_batch_inference_task', { task_id: `infer-noconfirm-${era}` });
      expect(called.result.outcome).toBe('stop_requested');
      expect(asked).toEqual([]);
      await m.close();
    });
  });
});
