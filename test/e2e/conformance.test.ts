// The MCP conformance suite (pinned in scripts/conformance.sh) against the built server over Streamable HTTP.
// The first run installs the suite and Node 22 into .tools/ from the npm registry, hence the long limit.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, '../../scripts/conformance.sh');

describe('MCP conformance suite', () => {
  it('passes the 2025 scenarios, and the 2026-07-28 requirements with only the fixture-bound checks excused', async () => {
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile('bash', [SCRIPT], { timeout: 540_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(code, `${stdout}\n${stderr}`).toBe(0);
    expect(stdout).toContain('server-initialize: 1 checks, 1 passed');
    expect(stdout).toContain('tools-list: 1 checks, 1 passed');
    expect(stdout).toContain('ping: 1 checks, 1 passed');
    expect(stdout).toContain('dns-rebinding-protection: 2 checks, 2 passed');
    expect(stdout).toContain('2026-07-28 tools-list: 4 passed, 0 failed, 0 warnings');
    expect(stdout).toContain('2026-07-28 dns-rebinding-protection: 2 passed, 0 failed, 0 warnings');
    expect(stdout).toMatch(/2026-07-28 server-stateless: 2\d passed, 4 failed/);
    expect(stdout).toContain('2026-07-28 input-required-result-validate-input: 3 passed, 0 failed');
    expect(stdout).toContain('conformance 2026-07-28: passed');
    expect(stdout).toContain(
      'conformance: all 4 2025 scenarios passed; 2026-07-28 requirements passed with the baseline',
    );
  }, 600_000);
});
