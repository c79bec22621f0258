// Which variables file is read and which of its lines are bad (src/dotenv-file.ts), without a process.
import { describe, expect, it } from 'vitest';
import { badLines, dotenvPath } from '../../src/dotenv-file.js';

describe('dotenvPath', () => {
  it('takes the flag, then ML_STOP_DOTENV, else none (./.env is the caller default)', () => {
    expect(dotenvPath('/a.env', { ML_STOP_DOTENV: '/b.env' })).toEqual({ path: '/a.env', source: '--dotenv' });
    expect(dotenvPath(undefined, { ML_STOP_DOTENV: '/b.env' })).toEqual({ path: '/b.env', source: 'ML_STOP_DOTENV' });
    expect(dotenvPath(undefined, { ML_STOP_DOTENV: '' })).toBeUndefined();
    expect(dotenvPath(undefined, {})).toBeUndefined();
  });
});

describe('badLines', () => {
  it.each([
    ['A=1\nB = 2\nexport C=3\n# c\n\n  D.E-F=x', []],
    ['A=1\nnot a line\nB', [2, 3]],
    ['\uFEFFA=1\r\nB=2\r\n', []],
    ['A="multi\nline = not judged\nend"\nB=2', []],
    ["A='one\\'s\nstill'\nX", [3]],
    ['A="never closed\nB=2', [2]],
    ['1A=x\n=x\nA', [1, 2, 3]],
  ])('%j → %j', (text, expected) => {
    expect(badLines(text)).toEqual(expected);
  });
});
