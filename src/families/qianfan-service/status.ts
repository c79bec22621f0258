import { asObject, str, type JsonObject } from '../../core/json.js';
import { paramId } from '../../core/params.js';
import { defineStatusTool } from '../../tools/define.js';
import type { Status } from '../../tools/schemas.js';
import { mapStatus, type StatusTable } from '../status-table.js';

/** A custom service's `runStatus` (docs/providers-modern.md §Q4a); Stopped means deactivated. */
export const STATES: StatusTable = {
  New: ['pending', 'not yet published'],
  Deploying: ['pending', 'deploying'],
  Serving: ['running', 'serving'],
  Stopped: ['stopped', 'deactivated'],
  Failed: ['failed', 'failed'],
  Done: ['succeeded', 'done'],
};

/** The billing facts a service carries: billed by compute units or tokens, pre- or post-paid, charging open. */
export function billingOf(service: JsonObject | undefined): Record<string, string> | undefined {
  const billing: Record<string, string> = {};
  for (const key of ['chargeType', 'payType', 'chargeStatus']) {
    const value = str(service?.[key]);
    if (value) billing[key] = value;
  }
  return Object.keys(billing).length ? billing : undefined;
}

export function readService(service: JsonObject | undefined): Status {
  const status = mapStatus(STATES, service?.runStatus);
  const billing = billingOf(service);
  return billing ? { ...status, billing } : status;
}

/** A service billed by post-paid compute units keeps them, and their bill, after it is deactivated. */
export function holdsPostpaidUnits(billing: Record<string, string> | undefined): boolean {
  return billing?.chargeType === 'ComputingUnit' && (billing.payType ?? '').includes('Postpay');
}

export default defineStatusTool({
  name: 'qianfan_get_service',
  title: 'Read a Qianfan service status',
  provider: 'qianfan',
  description: [
    'Read the status of a Baidu Qianfan custom (private) service (DescribeService), with how it is billed. Read-only.',
    'Use before stopping, to check it still serves, and after, to confirm it reached "Stopped" (deactivated).',
    'status.raw is runStatus: New, Deploying, Serving, Stopped or Failed. status.billing gives chargeType (ComputingUnit or Tokens), payType (Prepay, Postpay) and chargeStatus.',
  ].join('\n'),
  input: { service_id: paramId('Qianfan service id, e.g. svco-abcd1234.') },
  target: ({ service_id }) => ({ service_id }),
  request: ({ service_id }) => ({
    method: 'POST',
    path: '/v2/service',
    query: [['Action', 'DescribeService']],
    body: { serviceId: service_id },
  }),
  readStatus: (body) => readService(asObject(asObject(body)?.result)),
});
