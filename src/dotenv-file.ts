// The variables file (a .env): which one to read, and reading it strictly. `--dotenv PATH` or ML_STOP_DOTENV name one;
// otherwise ./.env is read when it exists. Node's own `--env-file` is refused with a pointer to `--dotenv`: Node
// takes that flag even after the script name, so ours would never be reached reliably.
import { readFileSync, statSync } from 'node:fs';
import { StartupError } from './core/errors.js';

export type Env = Record<string, string | undefined>;

/** Which file to read: the flag, then ML_STOP_DOTENV, then ./.env if it exists (undefined: none). */
export function dotenvPath(flagValue: string | undefined, env: Env): { path: string; source: string } | undefined {
  if (flagValue !== undefined) return { path: flagValue, source: '--dotenv' };
  const fromEnv = env.ML_STOP_DOTENV;
  if (fromEnv !== undefined && fromEnv !== '') return { path: fromEnv, source: 'ML_STOP_DOTENV' };
  return undefined;
}

/** `--env-file` reached our parser (Node let it through): say which flag to use instead. */
export function envFileRefused(): StartupError {
  return new StartupError(
    '--env-file is not a flag of ml-stop-mcp (Node itself takes --env-file, even after the script name, and may read the file before this server starts). Use --dotenv PATH, or set ML_STOP_DOTENV=PATH.',
  );
}

/**
 * Line numbers that are not `NAME=value` (optionally `export NAME=value`), a comment or blank. A quoted value may
 * span lines; the lines inside it are not judged. Never returns line contents: a bad line may hold a secret.
 */
export function badLines(text: string): number[] {
  const bad: number[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let open: string | undefined;
  lines.forEach((line, i) => {
    if (open) {
      if (closes(line, open)) open = undefined;
      return;
    }
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const m = /^(?:export\s+)?[A-Za-z_][A-Za-z0-9_.-]*\s*=\s*(.*)$/.exec(trimmed);
    if (!m) return void bad.push(i + 1);
    const value = m[1]!;
    const quote = value[0];
    if ((quote === '"' || quote === "'" || quote === '`') && !closes(value.slice(1), quote)) open = quote;
  });
  if (open) bad.push(lines.length);
  return bad;
}

/** Whether the text holds an unescaped closing quote. */
function closes(text: string, quote: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return true;
  }
  return false;
}

/**
 * Reads a variables file. Named with --dotenv or ML_STOP_DOTENV, it is read strictly: missing, a directory,
 * unreadable or with bad lines is a start-up error naming the file and line numbers. ./.env found by default is read
 * as before, and its bad lines are only reported through `warn` (by number).
 */
export async function readDotenv(path: string, source: string, warn?: (message: string) => void): Promise<Env> {
  const where = `${source} ${path}`;
  let text: string;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new StartupError(`${where} is a directory, not a variables file`);
    // A FIFO or a device would block start-up on read.
    if (!stat.isFile()) throw new StartupError(`${where} is not a regular file`);
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof StartupError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new StartupError(
      code === 'ENOENT' ? `${where} does not exist` : `${where} cannot be read (${code ?? 'error'})`,
    );
  }
  const bad = badLines(text);
  if (bad.length) {
    const lines = `line${bad.length > 1 ? 's' : ''} ${bad.slice(0, 10).join(', ')}${bad.length > 10 ? ', …' : ''}`;
    if (warn) return (warn(`${path}: ${lines} skipped (not NAME=value)`), parseDotenv(text));
    throw new StartupError(
      `${where}: line${bad.length > 1 ? 's' : ''} ${bad.slice(0, 10).join(', ')}${bad.length > 10 ? ', …' : ''} ${bad.length > 1 ? 'are' : 'is'} not NAME=value (or a # comment); fix or remove ${bad.length > 1 ? 'them' : 'it'}`,
    );
  }
  return parseDotenv(text);
}

async function parseDotenv(text: string): Promise<Env> {
  // dotenv loads only when there is a file to read (it pulls in node:crypto, which start-up otherwise avoids).
  const dotenv = await import('dotenv');
  const { parse } = (dotenv as unknown as { default?: typeof dotenv }).default ?? dotenv; // bundled CommonJS arrives as the default export
  return parse(text);
}
