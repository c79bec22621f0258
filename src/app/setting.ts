// --no-app / ML_STOP_APP: whether the server offers the running-tasks page (MCP Apps) to clients that show it.
import { StartupError } from '../core/errors.js';
import { setting, type Env } from '../core/settings.js';

/** On unless --no-app is given or ML_STOP_APP is false (also 0, no, off); another value is a start-up error. */
export function appEnabled(noAppFlag: boolean, env: Env): boolean {
  if (noAppFlag) return false;
  const value = setting(env, undefined, 'ML_STOP_APP');
  if (value === undefined || /^(true|1|yes|on)$/i.test(value.value)) return true;
  if (/^(false|0|no|off)$/i.test(value.value)) return false;
  throw new StartupError(`${value.source} must be true or false, got "${value.value}"`);
}
