// The CLI, loaded by the bin entry (src/bin.ts): read .env and flags once, then serve MCP over stdio, or over HTTP
// with --transport http.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { auditSink } from './audit.js';
import { createClients } from './clients.js';
import { loadConfig, parseArgv, type Config } from './config.js';
import { StartupError } from './core/errors.js';
import { redact } from './core/redact.js';
import { cleanText } from './core/text.js';
import { PROVIDER_IDS } from './core/ids.js';
import { doctorCommand, realSecretsSeen } from './doctor.js';
import { dotenvPath, envFileRefused, readDotenv } from './dotenv-file.js';
import { log } from './log.js';
import { PROVIDERS, providerModule } from './providers/index.js';
import { describeFilter, selectTools, servedBy } from './tool-filter.js';
import { allTools } from './tools/index.js';
import { serveStdio } from './transports/stdio.js';
import { NAME, VERSION } from './version.js';

const flagLine = (flag: string, help: string) => `  ${flag.padEnd(24)}${help}`;
const providerFlags = PROVIDER_IDS.flatMap((p) =>
  Object.entries(PROVIDERS[p].flags).map(([name, { arg, help }]) => flagLine(`--${name} ${arg}`, help)),
);

const USAGE = `${NAME} ${VERSION}: an MCP server that stops ML jobs on Huawei Cloud ModelArts and Baidu Qianfan.

Usage: ml-stop-mcp [flags]                    serve MCP over stdio
       ml-stop-mcp --transport http [flags]   serve MCP over HTTP: POST /mcp (Streamable HTTP), GET /sse (legacy)
       ml-stop-mcp doctor [flags]             check the configuration and prove each provider's keys with one read-only call

Flags (each overrides its environment variable):
  --dotenv PATH           read variables from PATH instead of ./.env (ML_STOP_DOTENV)
${providerFlags.join('\n')}
  --timeout-ms N          time budget of each call's provider requests, retries included (ML_STOP_TIMEOUT_MS,
                          default 15000, at most 600000)
  --confirm               ask the user to type the task id before every stop (ML_STOP_CONFIRM=true)
  --read-only             serve only tools that change nothing, no stop tools (ML_STOP_READ_ONLY=true)
  --tools a,b             serve only these tools (ML_STOP_TOOLS)
  --providers p,q         serve only these providers' tools: ${PROVIDER_IDS.join(', ')} (ML_STOP_PROVIDERS)
  --transport stdio|http  how clients connect (ML_STOP_TRANSPORT, default stdio)
  --host ADDRESS          HTTP: address to bind (ML_STOP_HOST, default 127.0.0.1; others need a token)
  --port N                HTTP: port (ML_STOP_PORT, default 3000; 0 picks a free one)
  --http-token-file PATH  HTTP: require Authorization: Bearer <the file's content> (or ML_STOP_HTTP_TOKEN)
  --simulate              use a built-in simulator of both clouds with demo keys (ML_STOP_SIMULATE=true);
                          no credentials needed, nothing leaves 127.0.0.1
  --no-app                offer no running-tasks page to MCP Apps clients (ML_STOP_APP=false)
  -h, --help              this text
  -v, --version           the version

Credentials come from the environment or .env only, never from flags:
${PROVIDER_IDS.map((p) => `  ${PROVIDERS[p].credentialHelp}`).join('\n')}
HTTP only: ML_STOP_ALLOWED_ORIGINS, ML_STOP_ALLOWED_HOSTS (comma-separated extra browser origins and Host names)

Network and audit (environment only):
  HTTPS_PROXY, HTTP_PROXY, NO_PROXY  outbound proxy (loopback endpoints bypass it unless ML_STOP_PROXY_LOOPBACK=1)
  ML_STOP_AUDIT_FILE                 also append the JSON audit line of every stop attempt to this file
`;

async function readEnv(argv: string[]): Promise<Record<string, string | undefined>> {
  const { values } = parseArgv(argv);
  if (values['env-file'] !== undefined) throw envFileRefused();
  const given = typeof values.dotenv === 'string' ? values.dotenv : undefined;
  const named = dotenvPath(given, process.env);
  if (named) {
    const vars = await readDotenv(named.path, named.source);
    log('info', 'variables file read', { file: named.path, from: named.source, variables: Object.keys(vars).length });
    return { ...vars, ...process.env };
  }
  if (!existsSync('.env')) return { ...process.env };
  // The working directory's .env is read by default (documented); say so, with its full path.
  const vars = await readDotenv('.env', '.env', (m) => log('warn', m));
  log('info', 'variables file read', {
    file: resolve('.env'),
    from: 'the working directory',
    variables: Object.keys(vars).length,
  });
  return { ...vars, ...process.env };
}

/** What a shutdown gives calls in flight beyond the time budget of one call (a stop already sent gets its answer). */
const SHUTDOWN_MARGIN_MS = 2_000;

function describe(config: Config): Record<string, string> {
  const foreign = config.simulate
    ? []
    : PROVIDER_IDS.flatMap((p) =>
        providerModule(p)
          .foreignEndpoints(config.providers[p])
          .map((e) => `${e.source}=${e.url}`),
      );
  return {
    ...(config.simulate ? { simulated: 'true' } : {}),
    // An endpoint outside the providers' own domains receives signed requests: never silent.
    ...(foreign.length ? { endpoints_outside_provider_domains: foreign.join(', ') } : {}),
    ...Object.fromEntries(PROVIDER_IDS.map((p) => [p, providerModule(p).summary(config.providers[p])])),
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const env = await readEnv(argv);
  let config = loadConfig(env, argv);
  if (config.command === 'help') return void process.stdout.write(USAGE);
  if (config.command === 'version') return void process.stdout.write(`${VERSION}\n`);
  if (config.simulate) {
    // Loaded only in simulate mode: the simulator is a node:http server, which a stdio session does not need.
    const { startEmbedded } = await import('./simulator/embedded.js');
    ({ config } = await startEmbedded(config));
  }
  const clients = createClients(config);
  if (config.command === 'doctor') {
    const ignored = config.simulate ? realSecretsSeen(env) : [];
    process.exitCode = await doctorCommand(config, clients, (t) => process.stdout.write(t), ignored);
    return;
  }
  const tools = selectTools(allTools, config.toolFilter);
  // Aborted when shutdown begins: waits end, unsent stops stay unsent, stops in flight finish (see the transports).
  const shutdown = new AbortController();
  const graceMs = config.timeoutMs + SHUTDOWN_MARGIN_MS;
  const deps = {
    shutdown: shutdown.signal,
    tools,
    served: servedBy(config.toolFilter, tools),
    clients,
    audit: auditSink(config.auditFile).sink,
    confirm: config.confirm,
    simulated: config.simulate,
    app: config.app,
  };
  const filtered = `${tools.map((t) => t.name).join(', ')} (${describeFilter(config.toolFilter)})`;
  const startup = {
    ...describe(config),
    tools: tools.length === allTools.length ? 'all' : filtered,
    confirm: config.confirm,
  };
  if (config.transport === 'http') {
    // Loaded only here, so stdio never loads the HTTP stack (and a bundler can keep it in a separate chunk).
    const { serveHttp } = await import('./transports/http-entry.js');
    return void (await serveHttp(config, deps, startup, { controller: shutdown, graceMs }));
  }
  await serveStdio(deps, { controller: shutdown, graceMs });
  log('info', `${NAME} ${VERSION} serving MCP on stdio`, startup);
}

process.on('unhandledRejection', (reason) => log('error', 'unhandled rejection', { reason: String(reason) }));

main().catch((err: unknown) => {
  // A start-up error is one clean, bounded line; any configured secret is redacted from whatever is printed.
  const message = redact(
    err instanceof StartupError ? cleanText(err.message, 2000) : String((err as Error)?.stack ?? err),
  );
  process.stderr.write(`${NAME}: ${message}\n`);
  process.exit(2);
});
