// HTTP entry, loaded by cli.ts only for --transport http (so stdio never loads the HTTP stack): reads the token
// file, starts the server, logs the bound address, and on SIGINT/SIGTERM drains calls in flight, then exits 0.
import { readFileSync, statSync } from 'node:fs';
import { registerSecrets } from '../core/redact.js';
import type { Config } from '../config.js';
import { StartupError } from '../core/errors.js';
import { defaultHeapGrowth } from '../core/heap.js';
import { PROVIDER_IDS } from '../core/ids.js';
import { log } from '../log.js';
import { providerModule } from '../providers/index.js';
import type { ServerDeps } from '../server.js';
import { NAME, VERSION } from '../version.js';
import type { HttpConfig } from './http-config.js';
import { startHttpServer, type HttpHandle } from './http-server.js';
import type { Shutdown } from './in-flight.js';

export async function serveHttp(
  config: Config,
  deps: ServerDeps,
  startup: Record<string, unknown>,
  shutdown?: Shutdown,
): Promise<HttpHandle> {
  // Many clients at once: throughput over a small heap (src/core/heap.ts).
  defaultHeapGrowth();
  const token = resolveToken(config.http);
  const handle = await startHttpServer(deps, {
    ...config.http,
    token,
    // The drain waits as long as a call may take (its time budget and a margin): a stop already sent gets its answer.
    limits: shutdown ? { shutdownGraceMs: shutdown.graceMs } : {},
    health: {
      name: NAME,
      version: VERSION,
      providers: Object.fromEntries(PROVIDER_IDS.map((p) => [p, providerModule(p).configured(config.providers[p])])),
    },
  });
  log('info', `${NAME} ${VERSION} serving MCP over HTTP`, {
    url: handle.url,
    streamable_http: `${handle.url}/mcp`,
    legacy_sse: `${handle.url}/sse`,
    token_required: token !== undefined,
    ...startup,
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log('info', `${signal}: no new connections; waiting for calls in flight`);
      shutdown?.controller.abort(); // waits end now; stops not yet sent are not sent
      handle.close().then(
        ({ drained }) => {
          log(
            drained ? 'info' : 'warn',
            drained ? 'stopped' : 'stopped with calls still in flight after the grace period',
          );
          process.exit(0);
        },
        (err: unknown) => {
          log('error', 'shutdown failed', { error: String(err) });
          process.exit(1);
        },
      );
    });
  }
  return handle;
}

/** A bearer token shorter than this is refused: it could be guessed. */
const MIN_TOKEN_LENGTH = 16;

/** --http-token-file wins over ML_STOP_HTTP_TOKEN; the token must be sendable as a bearer token. */
function resolveToken(http: HttpConfig): string | undefined {
  let token = http.token;
  let source = 'ML_STOP_HTTP_TOKEN';
  if (http.tokenFile !== undefined) {
    source = `--http-token-file ${http.tokenFile}`;
    try {
      // A FIFO or a device would block start-up on read: only a regular file is read.
      if (!statSync(http.tokenFile).isFile()) throw new StartupError(`${source} is not a regular file`);
      token = readFileSync(http.tokenFile, 'utf8').trim();
    } catch (err) {
      if (err instanceof StartupError) throw err;
      throw new StartupError(`cannot read ${source}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    if (!token) throw new StartupError(`${source} is empty`);
  }
  if (token !== undefined && !/^[\x21-\x7e]+$/.test(token))
    throw new StartupError(`${source} must be one word of printable ASCII (no spaces), to be sent as a bearer token`);
  if (token !== undefined && token.length < MIN_TOKEN_LENGTH)
    throw new StartupError(
      `${source} is ${token.length} characters long; use at least ${MIN_TOKEN_LENGTH} (for example: openssl rand -hex 32)`,
    );
  registerSecrets([token]);
  return token;
}
