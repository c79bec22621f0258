// The variables file through the built CLI: --dotenv PATH and ML_STOP_DOTENV are read strictly (missing, a
// directory, bad lines are start-up errors that name the file and the line numbers, never a line's content),
// ./.env is read by default, and Node's own --env-file, when Node lets it through, is refused with the flag to use.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

function run(args: string[], env: Record<string, string> = {}, cwd = mkdtempSync(join(tmpdir(), 'ml-stop-dotenv-'))) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'ml-stop-dotenv-files-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
// A file whose one setting makes the start fail in a recognisable way proves it was read.
const marker = file('marker.env', '# providers\nexport ML_STOP_PROVIDERS="aws"\n');
const READ = 'ML_STOP_PROVIDERS: unknown provider "aws"';

describe('variables file', () => {
  it.each([
    ['--dotenv', (p: string) => ({ args: ['--dotenv', p], env: {} })],
    ['ML_STOP_DOTENV', (p: string) => ({ args: [], env: { ML_STOP_DOTENV: p } })],
  ])('%s names the file that is read', (_how, given) => {
    const { args, env } = given(marker);
    const r = run(args, env);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(READ);
  });

  it('the flag wins over ML_STOP_DOTENV, and the environment over the file', () => {
    const quiet = file('quiet.env', 'ML_STOP_TIMEOUT_MS=1000\n');
    expect(run(['--dotenv', marker], { ML_STOP_DOTENV: quiet }).stderr).toContain(READ);
    // Serves (and ends with its closed stdin): the environment's qianfan replaced the file's aws.
    const overridden = run(['--dotenv', marker], { ML_STOP_PROVIDERS: 'qianfan' });
    expect(overridden.status).toBe(0);
    expect(overridden.stderr).not.toContain(READ);
    expect(overridden.stderr).toContain('serving MCP on stdio');
    expect(overridden.stderr).toContain(`"message":"variables file read","file":"${marker}","from":"--dotenv"`);
  });

  it.each([
    ['--dotenv', (p: string) => ({ args: ['--dotenv', p], env: {} })],
    ['ML_STOP_DOTENV', (p: string) => ({ args: [], env: { ML_STOP_DOTENV: p } })],
  ])('%s: a missing file or a directory is a start-up error naming it', (how, given) => {
    const missing = join(dir, 'nope.env');
    const a = given(missing);
    expect(run([...a.args, 'doctor'], a.env)).toMatchObject({
      status: 2,
      stdout: '',
      stderr: `ml-stop-mcp: ${how} ${missing} does not exist\n`,
    });
    const folder = join(dir, 'folder.env');
    mkdirSync(folder, { recursive: true });
    const b = given(folder);
    expect(run([...b.args, 'doctor'], b.env)).toMatchObject({
      status: 2,
      stderr: `ml-stop-mcp: ${how} ${folder} is a directory, not a variables file\n`,
    });
  });

  it('bad lines are a start-up error with their numbers, and their content is never shown', () => {
    const bad = file(
      'bad.env',
      'QIANFAN_ACCESS_KEY=ok\nSECRETVALUE-no-equals-sign\nMULTI="line one\nline two"\n\n# fine\nexport 9BAD=x\n',
    );
    const r = run(['--dotenv', bad, 'doctor']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `ml-stop-mcp: --dotenv ${bad}: lines 2, 7 are not NAME=value (or a # comment); fix or remove them\n`,
    );
    expect(r.stderr).not.toContain('SECRETVALUE');
  });

  it('./.env is read by default; its bad lines are skipped with a warning that gives their numbers', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ml-stop-dotenv-cwd-'));
    writeFileSync(join(cwd, '.env'), 'oops\nML_STOP_PROVIDERS=aws\n');
    const r = run([], {}, cwd);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('.env: line 1 skipped (not NAME=value)');
    expect(r.stderr).toContain(READ);
  });

  it("Node's --env-file, when Node passes it through, is refused with the flag to use", () => {
    const empty = file('empty.env', '');
    const r = run(['--env-file', empty, 'doctor']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--env-file is not a flag of ml-stop-mcp');
    expect(r.stderr).toContain('Use --dotenv PATH, or set ML_STOP_DOTENV=PATH.');
  });

  it("./.env read by default is named in the start-up log, and an endpoint outside the providers' domains too", () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ml-stop-dotenv-cwd-'));
    writeFileSync(join(cwd, '.env'), 'QIANFAN_CONSOLE_API_BASE_URL=http://127.0.0.1:9\n');
    const r = run([], {}, cwd);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(
      `"message":"variables file read","file":"${join(cwd, '.env')}","from":"the working directory"`,
    );
    expect(r.stderr).toContain(
      '"endpoints_outside_provider_domains":"QIANFAN_CONSOLE_API_BASE_URL=http://127.0.0.1:9"',
    );
  });
});
