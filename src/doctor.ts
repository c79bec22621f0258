// `ml-stop-mcp doctor`: checks the configuration and proves each configured provider's keys with one harmless
// signed read-only call. Prints a table on stdout (this is a CLI command, not the MCP server) and never a secret:
// only variable names, endpoints, the project id and the provider's own error code and (cleaned) message.
import { iamEndpoint, type Config } from './config.js';
import { ToolError, type Category } from './errors.js';
import type { Clients } from './tools/run.js';

export interface DoctorRow {
  provider: 'huaweicloud' | 'qianfan';
  endpoint: string;
  credentials: 'found' | 'partial' | 'not set';
  signature: 'accepted' | 'rejected' | 'unknown' | '-';
  projectId: string;
  rttMs: number | null;
  /** What to fix, or a note; empty when all is well. */
  fix: string;
  /** Whether this row makes doctor exit non-zero. */
  problem: boolean;
}

/** A task id no Qianfan account can have: an authenticated "not found" for it proves the keys work. */
export const PROBE_TASK = 'task-mlstopdoctorprobe';

const VARS = {
  huaweicloud: { ak: 'HUAWEICLOUD_SDK_AK', sk: 'HUAWEICLOUD_SDK_SK' },
  qianfan: { ak: 'QIANFAN_ACCESS_KEY', sk: 'QIANFAN_SECRET_KEY' },
} as const;

/** Answers that only come after the gateway accepted the signature. */
const AUTHENTICATED: Record<DoctorRow['provider'], ReadonlySet<Category>> = {
  huaweicloud: new Set(['forbidden', 'config']),
  qianfan: new Set(['forbidden', 'not_found', 'invalid_input']),
};

export async function runDoctor(config: Config, clients: Clients): Promise<{ rows: DoctorRow[]; ok: boolean }> {
  const rows = [await checkHuawei(config, clients), await checkQianfan(config, clients)];
  if (rows.every((r) => r.credentials === 'not set')) {
    for (const r of rows) Object.assign(r, { problem: true, fix: `no provider is configured: set ${VARS[r.provider].ak} and ${VARS[r.provider].sk}` });
  }
  return { rows, ok: !rows.some((r) => r.problem) };
}

async function checkHuawei(config: Config, clients: Clients): Promise<DoctorRow> {
  const hw = config.huaweicloud;
  const row = baseRow('huaweicloud', iamEndpoint(hw, hw.region).url, hw.missing, hw.projectId ?? '-');
  if (row.credentials !== 'found') return row;
  const t0 = performance.now();
  try {
    const found = await clients.huaweicloud.findProject(hw.region);
    row.signature = 'accepted';
    if (hw.projectId && hw.projectId !== found) {
      Object.assign(row, { problem: true, fix: `HUAWEICLOUD_SDK_PROJECT_ID is ${hw.projectId} but IAM lists ${found} as the ${hw.region} project` });
    }
    row.projectId = found;
  } catch (err) {
    describeFailure(row, err);
    // The lookup is only needed when no project id is configured; a key that may not list projects can still stop tasks.
    if (row.signature === 'accepted' && hw.projectId) row.problem = false;
  }
  row.rttMs = Math.round(performance.now() - t0);
  return row;
}

async function checkQianfan(config: Config, clients: Clients): Promise<DoctorRow> {
  const qf = config.qianfan;
  const row = baseRow('qianfan', qf.baseUrl.url, qf.missing, '-');
  if (row.credentials !== 'found') return row;
  const t0 = performance.now();
  try {
    await clients.qianfan.call({ method: 'POST', path: '/v2/finetuning', query: [['Action', 'DescribeFineTuningTask']], body: { taskId: PROBE_TASK } });
    row.signature = 'accepted';
  } catch (err) {
    describeFailure(row, err);
    if (row.signature === 'accepted' && err instanceof ToolError && err.category !== 'forbidden') Object.assign(row, { problem: false, fix: '' });
  }
  row.rttMs = Math.round(performance.now() - t0);
  return row;
}

function baseRow(provider: DoctorRow['provider'], endpoint: string, missing: string[], projectId: string): DoctorRow {
  const credentials = missing.length === 0 ? 'found' : missing.length === 2 ? 'not set' : 'partial';
  const { ak, sk } = VARS[provider];
  const fix = credentials === 'partial' ? `set ${missing.join(' and ')}` : credentials === 'not set' ? `not used; set ${ak} and ${sk} to enable` : '';
  return { provider, endpoint, credentials, signature: '-', projectId, rttMs: null, fix, problem: credentials === 'partial' };
}

function describeFailure(row: DoctorRow, err: unknown): void {
  row.problem = true;
  if (!(err instanceof ToolError)) {
    Object.assign(row, { signature: 'unknown', fix: String(err) });
    return;
  }
  const { ak, sk } = VARS[row.provider];
  const said = `${err.code}: ${err.message}`;
  if (err.category === 'auth') {
    row.signature = 'rejected';
    row.fix = /ak not exist|could not find credential|InvalidAccessKeyId/i.test(said)
      ? `${ak} is not a known access key (${said})`
      : /expired|15 minutes/i.test(said)
        ? `this machine's clock is off; sync it (${said})`
        : `${sk} does not match ${ak} (${said})`;
    return;
  }
  row.signature = AUTHENTICATED[row.provider].has(err.category) ? 'accepted' : 'unknown';
  row.fix =
    err.category === 'forbidden'
      ? `the keys work but lack permission (${said}); grant ${row.provider === 'huaweicloud' ? 'IAM project read, or set HUAWEICLOUD_SDK_PROJECT_ID' : 'the Qianfan console permissions'}`
      : `${said}${err.hint ? ` ${err.hint}` : ''}`;
}

export function formatDoctor(rows: DoctorRow[]): string {
  const header = ['provider', 'endpoint', 'credentials', 'signature', 'project id', 'round trip', 'what to fix'];
  const cells = rows.map((r) => [r.provider, r.endpoint, r.credentials, r.signature, r.projectId, r.rttMs === null ? '-' : `${r.rttMs} ms`, r.fix || 'nothing']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i === c.length - 1 ? v : v.padEnd(widths[i]!))).join('  ');
  return [line(header), ...cells.map(line)].join('\n') + '\n';
}

/** The `doctor` command: prints the table and a verdict, and returns the exit code. */
export async function doctorCommand(config: Config, clients: Clients, write: (text: string) => void): Promise<number> {
  const { rows, ok } = await runDoctor(config, clients);
  write(formatDoctor(rows));
  write(ok ? `\nAll configured providers accepted their keys${config.simulate ? ' (simulated)' : ''}.\n` : '\nSomething needs fixing: see "what to fix" above.\n');
  return ok ? 0 : 1;
}
