import { hostname, networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { StartupError } from '../../src/core/errors.js';
import {
  allowedHostnames,
  bearerMatches,
  hostProblem,
  isLoopback,
  originProblem,
} from '../../src/transports/http-guard.js';

describe('transport configuration', () => {
  it('defaults to stdio, 127.0.0.1:3000, no token', () => {
    const c = loadConfig({}, []);
    expect(c.transport).toBe('stdio');
    expect(c.http).toEqual({
      host: '127.0.0.1',
      port: 3000,
      token: undefined,
      tokenFile: undefined,
      allowedOrigins: [],
      allowedHosts: [],
    });
  });

  it('reads the ML_STOP_* variables, and flags win over them', () => {
    const env = {
      ML_STOP_TRANSPORT: 'http',
      ML_STOP_HOST: '0.0.0.0',
      ML_STOP_PORT: '8080',
      ML_STOP_HTTP_TOKEN: ' secret-token ',
      ML_STOP_ALLOWED_ORIGINS: 'https://Agents.Example.com:443/, http://localhost:8000',
      ML_STOP_ALLOWED_HOSTS: 'MCP.example.com:443,10.0.0.5',
    };
    expect(loadConfig(env, [])).toMatchObject({
      transport: 'http',
      http: {
        host: '0.0.0.0',
        port: 8080,
        token: 'secret-token',
        allowedOrigins: ['https://agents.example.com', 'http://localhost:8000'],
        allowedHosts: ['mcp.example.com', '10.0.0.5'],
      },
    });
    expect(
      loadConfig(env, ['--transport', 'http', '--host', '[::1]', '--port', '0', '--http-token-file', 'tok.txt']).http,
    ).toMatchObject({ host: '::1', port: 0, tokenFile: 'tok.txt' });
  });

  it.each([
    [{ ML_STOP_TRANSPORT: 'websocket' }, [], 'ML_STOP_TRANSPORT must be stdio or http, got "websocket"'],
    [{}, ['--transport', 'sse'], '--transport must be stdio or http, got "sse"'],
    [{}, ['--transport', 'http', '--port', '65536'], '--port must be a port number from 0 to 65535, got "65536"'],
    [{ ML_STOP_PORT: '-1' }, [], 'ML_STOP_PORT must be a port number from 0 to 65535, got "-1"'],
    [{}, ['--port', '3001'], '--port only applies with --transport http'],
    [
      { ML_STOP_ALLOWED_ORIGINS: 'agents.example.com' },
      [],
      'ML_STOP_ALLOWED_ORIGINS: "agents.example.com" is not an origin such as https://agents.example.com',
    ],
  ])('refuses %j %j', (env, argv, message) => {
    expect(() => loadConfig(env, argv)).toThrow(StartupError);
    expect(() => loadConfig(env, argv)).toThrow(message);
  });
});

describe('HTTP guard', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['LOCALHOST', true],
    ['::1', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['10.0.0.5', false],
    ['localhost.evil.example', false],
    ['127.0.0.1.nip.io', false],
  ])('isLoopback(%s) is %s', (host, loopback) => {
    expect(isLoopback(host)).toBe(loopback);
  });

  it('accepts loopback names and the bound address; a wildcard bind adds every interface address and the machine name', () => {
    expect([...allowedHostnames('127.0.0.1', [])].sort()).toEqual(['127.0.0.1', '[::1]', 'localhost']);
    expect(allowedHostnames('::1', ['mcp.example.com']).has('mcp.example.com')).toBe(true);
    const wild = allowedHostnames('0.0.0.0', []);
    expect(wild.has(hostname().toLowerCase())).toBe(true);
    for (const a of Object.values(networkInterfaces()).flat()) {
      if (a && !a.address.includes('%'))
        expect(wild.has(a.family === 'IPv6' ? `[${a.address}]` : a.address)).toBe(true);
    }
    expect(wild.has('evil.example.com')).toBe(false);
  });

  it('explains each Host refusal', () => {
    const allowed = allowedHostnames('127.0.0.1', []);
    expect(hostProblem(undefined, allowed)).toBe('Missing Host header');
    expect(hostProblem('a b', allowed)).toBe('Invalid Host header: a b');
    expect(hostProblem('localhost:1234', allowed)).toBeUndefined();
    expect(hostProblem('LocalHost', allowed)).toBeUndefined();
  });

  it('passes an absent Origin (non-browser clients) and refuses a malformed one', () => {
    expect(originProblem(undefined, [])).toBeUndefined();
    expect(originProblem('', [])).toMatch(/^Invalid Origin/);
    expect(originProblem('x'.repeat(1000), [])!.length).toBeLessThan(300);
  });

  it('compares the bearer token exactly', () => {
    expect(bearerMatches('Bearer s3cret', 's3cret')).toBe(true);
    expect(bearerMatches('BEARER   s3cret', 's3cret')).toBe(true);
    expect(bearerMatches('Bearer s3cret extra', 's3cret')).toBe(false);
    expect(bearerMatches('Bearer s3cre', 's3cret')).toBe(false);
    expect(bearerMatches('Bearer S3cret', 's3cret')).toBe(false);
    expect(bearerMatches('s3cret', 's3cret')).toBe(false);
    expect(bearerMatches(undefined, 's3cret')).toBe(false);
  });
});
