// `ml-stop-mcp doctor`: checks the configuration and proves each configured provider's keys with one harmless
// signed read-only call (each provider's client knows which). Prints a table on stdout (this is a CLI command, not
// the MCP server) and never a secret: only variable names, endpoints, the project id and the provider's own error
// code and (cleaned) message.
import type { Config } from './config.js';
import { PROVIDER_IDS } from './core/ids.js';
import type { DoctorRow } from './providers/client.js';
import { PROVIDERS } from './providers/index.js';
import type { Clients } from './tools/context.js';

export type { DoctorRow };

export async function runDoctor(clients: Clients): Promise<{ rows: DoctorRow[]; ok: boolean }> {
  const rows: DoctorRow[] = [];
  for (const p of PROVIDER_IDS) rows.push(await clients[p].doctor());
  if (rows.every((r) => r.credentials === 'not set')) {
    for (const r of rows) {
      const { ak, sk } = PROVIDERS[r.provider].credentialVars;
      Object.assign(r, { problem: true, fix: `no provider is configured: set ${ak} and ${sk}` });
    }
  }
  return { rows, ok: !rows.some((r) => r.problem) };
}

export function formatDoctor(rows: DoctorRow[]): string {
  const header = ['provider', 'endpoint', 'credentials', 'signature', 'project id', 'round trip', 'what to fix'];
  const cells = rows.map((r) => [
    r.provider,
    r.endpoint,
    r.credentials,
    r.signature,
    r.projectId,
    r.rttMs === null ? '-' : `${r.rttMs} ms`,
    r.fix || 'nothing',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i === c.length - 1 ? v : v.padEnd(widths[i]!))).join('  ');
  return [line(header), ...cells.map(line)].join('\n') + '\n';
}

/** The secret variables set in `env` (names only), which --simulate ignores. */
export function realSecretsSeen(env: Record<string, string | undefined>): string[] {
  return PROVIDER_IDS.flatMap((p) => PROVIDERS[p].secretVars.filter((name) => (env[name] ?? '') !== ''));
}

/**
 * The `doctor` command: prints the table and a verdict, and returns the exit code. Under --simulate it checks the
 * built-in simulator with demo keys, says so, and names the real secret variables it saw and ignored, so that no one
 * takes its verdict for a check of their keys.
 */
export async function doctorCommand(
  config: Config,
  clients: Clients,
  write: (text: string) => void,
  ignoredSecrets: readonly string[] = [],
): Promise<number> {
  const { rows, ok } = await runDoctor(clients);
  if (config.simulate) for (const r of rows) r.credentials = 'demo keys';
  write(formatDoctor(rows));
  if (config.simulate) {
    const seen = ignoredSecrets.length
      ? `It saw and ignored ${ignoredSecrets.join(', ')}.`
      : 'No real credential variable was set.';
    write(
      `\nSimulate mode: this checked the built-in simulator on 127.0.0.1 with demo keys (simulated)${ok ? ', and it answered as it should' : ''}. Your real keys were NOT checked. ${seen} Run doctor without --simulate to check them.\n`,
    );
    return ok ? 0 : 1;
  }
  write(
    ok ? '\nAll configured providers accepted their keys.\n' : '\nSomething needs fixing: see "what to fix" above.\n',
  );
  return ok ? 0 : 1;
}
