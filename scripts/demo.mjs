// `npm run demo`: the whole product in a minute, with no cloud account. Starts `node dist/cli.js --simulate` through
// the MCP SDK's stdio client (as Claude Desktop or any client would), lists the tools, and on each provider does a
// dry run, a real stop that waits until the task has stopped, and a status read. Prints a transcript; exits non-zero
// when any answer is not what it should be. `--json` also prints every result in full.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';

const root = join(import.meta.dirname, '..');
const CLI = join(root, 'dist/cli.js');
const SHOW_JSON = process.argv.includes('--json');

/** One task per provider, seeded running in the embedded simulator (README, "Demo tasks"). */
const TARGETS = [
  {
    title: 'Huawei Cloud ModelArts: training job 1001, version 2001',
    stop: 'modelarts_stop_training_job_version',
    status: 'modelarts_get_training_job_version',
    args: { job_id: '1001', version_id: '2001' },
  },
  {
    title: 'Baidu Qianfan: fine-tuning task task-demo-1',
    stop: 'qianfan_stop_fine_tuning_task',
    status: 'qianfan_get_fine_tuning_task',
    args: { task_id: 'task-demo-1' },
  },
];
const WAIT_SECONDS = 10;

class StepFailed extends Error {}
const out = (line = '') => process.stdout.write(line + '\n');
const expectThat = (cond, message) => {
  if (!cond) throw new StepFailed(message);
};

function buildIfNeeded() {
  const newest = (dir) => Math.max(...readdirSync(dir, { recursive: true }).map((f) => statSync(join(dir, f)).mtimeMs));
  if (existsSync(CLI) && statSync(CLI).mtimeMs >= newest(join(root, 'src'))) return;
  out('dist/cli.js is missing or older than src/: building first (npm run build) ...');
  const npm = process.env.npm_execpath;
  const [cmd, args] = npm ? [process.execPath, [npm, 'run', 'build']] : ['npm', ['run', 'build']];
  execFileSync(cmd, args, {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    shell: !npm && process.platform === 'win32',
  });
}

async function call(client, name, args) {
  out(`  → ${name} ${JSON.stringify(args)}`);
  const t0 = performance.now();
  const res = await client.callTool({ name, arguments: args });
  const r = res.structuredContent ?? {};
  const ms = Math.round(performance.now() - t0);
  if (SHOW_JSON) out(`    ${JSON.stringify(r)}`);
  expectThat(r.simulated === true, `${name}: the result does not say "simulated": true`);
  return { r, ms, isError: res.isError === true };
}

const describeError = (r) =>
  r.error ? `${r.error.code} (${r.error.category}): ${r.error.message}` : `outcome "${r.outcome}"`;
const state = (s) => (s ? `${s.state} (provider value ${JSON.stringify(s.raw)})` : 'no status');

async function listRunning(client, tools) {
  if (!tools.some((t) => t.name === 'list_running_tasks')) {
    out('\n▶ What is running? (skipped: this build has no list_running_tasks tool)');
    return;
  }
  out('\n▶ What is running?');
  const { r } = await call(client, 'list_running_tasks', {});
  expectThat(r.ok === true && Array.isArray(r.items), `list_running_tasks failed: ${describeError(r)}`);
  for (const item of r.items)
    out(
      `    ${item.provider.padEnd(11)}  ${item.family.padEnd(30)}  ${state(item.status).padEnd(34)}  stop with ${item.stop.tool} ${JSON.stringify(item.stop.arguments)}`,
    );
  out(`  ✓ ${r.items.length} running task(s)`);
  for (const t of TARGETS) {
    const listed = r.items.some(
      (i) => i.stop.tool === t.stop && Object.entries(t.args).every(([k, v]) => String(i.stop.arguments[k]) === v),
    );
    expectThat(
      listed,
      `list_running_tasks did not list ${t.stop} ${JSON.stringify(t.args)}, which the simulator starts with`,
    );
  }
}

async function stopOne(client, t) {
  out(`\n▶ ${t.title}`);
  out('  1. Dry run: what would be sent, and nothing is stopped');
  let { r } = await call(client, t.stop, { ...t.args, dry_run: true });
  expectThat(
    r.outcome === 'dry_run' && r.ok === true,
    `dry run: expected outcome "dry_run", got ${describeError(r)}. Does this server's ${t.stop} accept dry_run?`,
  );
  out(`  ✓ dry run: would send ${r.request?.method ?? '?'} ${r.request?.url ?? '?'}; the task is ${state(r.status)}`);

  out(`  2. Stop, and wait up to ${WAIT_SECONDS} s until the provider reports it stopped`);
  let ms;
  ({ r, ms } = await call(client, t.stop, { ...t.args, wait_seconds: WAIT_SECONDS }));
  expectThat(
    r.ok === true && r.outcome === 'stopped' && r.status?.state === 'stopped',
    `stop: expected outcome "stopped" with state "stopped", got ${describeError(r)}, ${state(r.status)}`,
  );
  out(
    `  ✓ stopped after ${(ms / 1000).toFixed(1)} s: ${state(r.status)}, HTTP ${r.http_status}, request id ${r.request_id}`,
  );

  out('  3. Read the status');
  ({ r } = await call(client, t.status, t.args));
  expectThat(
    r.ok === true && r.outcome === 'status' && r.status?.state === 'stopped',
    `status: expected state "stopped", got ${describeError(r)}, ${state(r.status)}`,
  );
  out(`  ✓ status: ${state(r.status)}${r.status.detail ? `, "${r.status.detail}"` : ''}`);

  out('  4. Stop again: safe to retry');
  ({ r } = await call(client, t.stop, t.args));
  expectThat(
    r.ok === true && r.outcome === 'already_stopped',
    `second stop: expected outcome "already_stopped", got ${describeError(r)}`,
  );
  out('  ✓ already_stopped: not an error, nothing changed');
}

async function main() {
  buildIfNeeded();
  out('ml-stop-mcp demo: `node dist/cli.js --simulate` over stdio, through the MCP SDK client.');
  out('Both clouds are simulated on 127.0.0.1 with built-in demo keys: no account, no network.');
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, '--simulate'],
    cwd: root,
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (d) => (stderr += String(d)));
  const client = new Client({ name: 'ml-stop-mcp-demo', version: '1.0.0' });
  await client.connect(transport);
  try {
    const notice = stderr
      .split('\n')
      .map((l) => {
        try {
          return JSON.parse(l).message;
        } catch {
          return undefined;
        }
      })
      .find((m) => m?.startsWith('simulate mode'));
    out(`\n▶ The server says (stderr): ${notice ?? '(no simulate notice yet)'}`);
    const { tools } = await client.listTools();
    out(`\n▶ tools/list: ${tools.length} tools`);
    for (const t of tools)
      out(`    ${t.name.padEnd(38)} ${t.annotations?.readOnlyHint ? 'read-only  ' : 'destructive'}  ${t.title ?? ''}`);
    for (const t of TARGETS)
      expectThat(
        tools.some((x) => x.name === t.stop) && tools.some((x) => x.name === t.status),
        `tools/list lacks ${t.stop} or ${t.status}`,
      );
    await listRunning(client, tools);
    for (const t of TARGETS) await stopOne(client, t);
    out(
      "\n✓ Demo complete: every answer was what it should be. Next: `npm test`, then the README's setup for real use.",
    );
  } finally {
    await client.close();
  }
}

const deadline = setTimeout(() => {
  process.stderr.write('demo: no answer within 90 s\n');
  process.exit(1);
}, 90_000);
deadline.unref();
main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`\n✗ demo failed: ${err instanceof StepFailed ? err.message : (err?.stack ?? err)}\n`);
    process.exit(1);
  },
);
