// Logs go to stderr as JSON lines: stdout belongs to the MCP protocol. No configured secret is ever written.
import { redact } from './core/redact.js';

export type Level = 'debug' | 'info' | 'warn' | 'error';

export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  process.stderr.write(redact(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })) + '\n');
}
