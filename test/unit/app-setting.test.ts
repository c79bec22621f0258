// --no-app and ML_STOP_APP: the running-tasks page is on unless turned off; a value that is not a boolean is refused.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { StartupError } from '../../src/core/errors.js';

describe('the running-tasks page setting', () => {
  it('is on by default, and for ML_STOP_APP=true (1, yes, on)', () => {
    expect(loadConfig({}, []).app).toBe(true);
    for (const v of ['true', 'TRUE', '1', 'yes', 'on', ' ']) expect(loadConfig({ ML_STOP_APP: v }, []).app).toBe(true);
  });

  it('is off with --no-app, whatever ML_STOP_APP says, and with ML_STOP_APP=false (0, no, off)', () => {
    expect(loadConfig({}, ['--no-app']).app).toBe(false);
    expect(loadConfig({ ML_STOP_APP: 'true' }, ['--no-app']).app).toBe(false);
    for (const v of ['false', 'False', '0', 'no', 'off']) expect(loadConfig({ ML_STOP_APP: v }, []).app).toBe(false);
  });

  it('refuses another value, naming the variable', () => {
    expect(() => loadConfig({ ML_STOP_APP: 'page' }, [])).toThrow(StartupError);
    expect(() => loadConfig({ ML_STOP_APP: 'page' }, [])).toThrow('ML_STOP_APP must be true or false, got "page"');
    expect(() => loadConfig({}, ['--no-app=yes'])).toThrow(StartupError);
  });
});
