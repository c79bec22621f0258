#!/usr/bin/env node
// Entry point: read .env and flags once, then serve MCP over stdio.
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { ConfigError, loadConfig, parseArgv, type Config } from './config.js';
import { auditSink } from './audit.js';
import { createClients } from './clients.js';
import { log } from './log.js';
import { allTools } from './tools/index.js';
import { serveStdio } from './transports/stdio.js';
import { NAME, VERSION } from './version.js';

const USAGE = `${NAME} ${VERSION}: an MCP server that stops ML jobs on Huawei Cloud ModelArts and Baidu Qianfan.

Usage: ml-stop-mcp [flags]        serve MCP over stdio

Flags (each overrides its environment variable):
  --env-file PATH         read variables from PATH instead of ./.env
  --region ID             default ModelArts region (HUAWEICLOUD_SDK_REGION, default cn-north-4)
  --project-id ID         ModelArts project id (HUAWEICLOUD_SDK_PROJECT_ID; looked up from IAM when unset)
  --iam-endpoint URL      Huawei IAM endpoint (HUAWEICLOUD_SDK_IAM_ENDPOINT)
  --qianfan-base-url URL  Qianfan console API (QIANFAN_CONSOLE_API_BASE_URL, default https://qianfan.baidubce.com)
  --timeout-ms N          limit for each provider request, retries included (ML_STOP_TIMEOUT_MS, default 15000)
  -h, --help              this text
  -v, --version           the version

Credentials come from the environment or .env only, never from flags:
  HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_SECURITY_TOKEN (temporary keys)
  QIANFAN_ACCESS_KEY, QIANFAN_SECRET_KEY

Network and audit (environment only):
  HTTPS_PROXY, HTTP_PROXY, NO_PROXY  outbound proxy (loopback endpoints bypass it unless ML_STOP_PROXY_LOOPBACK=1)
  ML_STOP_AUDIT_FILE                 also append the JSON audit line of every stop attempt to this file
`;

function readEnv(argv: string[]): Record<string, string | undefined> {
  const path = parseArgv(argv).values['env-file'] ?? '.env';
  const explicit = path !== '.env';
  if (!existsSync(path)) {
    if (explicit) throw new ConfigError(`--env-file ${path} does not exist`);
    return { ...process.env };
  }
  return { ...parseDotenv(readFileSync(path)), ...process.env };
}

function describe(config: Config): Record<string, string> {
  return {
    huaweicloud: config.huaweicloud.credentials ? `configured, region ${config.huaweicloud.region}` : `not configured (set ${config.huaweicloud.missing.join(', ')})`,
    qianfan: config.qianfan.credentials ? 'configured' : `not configured (set ${config.qianfan.missing.join(', ')})`,
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const config = loadConfig(readEnv(argv), argv);
  if (config.command === 'help') return void process.stdout.write(USAGE);
  if (config.command === 'version') return void process.stdout.write(`${VERSION}\n`);
  await serveStdio({ tools: allTools, clients: createClients(config), audit: auditSink(config.auditFile).sink });
  log('info', `${NAME} ${VERSION} serving MCP on stdio`, describe(config));
}

process.on('unhandledRejection', (reason) => log('error', 'unhandled rejection', { reason: String(reason) }));

main().catch((err: unknown) => {
  const message = err instanceof ConfigError ? err.message : String((err as Error)?.stack ?? err);
  process.stderr.write(`${NAME}: ${message}\n`);
  process.exit(2);
});
