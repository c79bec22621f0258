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

/** The `doctor` command: prints the table and a verdict, and returns the exit code. */
export async function doctorCommand(config: Config, clients: Clients, write: (text: string) => void): Promise<number> {
  const { rows, ok } = await runDoctor(clients);
  write(formatDoctor(rows));
  write(
    ok
      ? `\nAll configured providers accepted their keys${config.simulate ? ' (simulated)' : ''}.\n`
      : '\nSomething needs fixing: see "what to fix" above.\n',
  );
  return ok ? 0 : 1;
}
