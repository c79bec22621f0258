import { describe, expect, it } from 'vitest';
import {
  huaweiCanonicalQuery,
  huaweiCanonicalUri,
  sdkDate,
  signHuawei,
} from '../../src/providers/huaweicloud/signer.js';
import { queryPairs } from '../../src/providers/encoding.js';

const EMPTY_SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const DOC = { ak: 'QTWAOYTTINDUT2QVKYUC', sk: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc' };
const JAVA = { ak: 'AccessKey', sk: 'SecretKey' };
const EX = { ak: 'AKEXAMPLE0123456789', sk: 'SKEXAMPLE0123456789' };
const PROJECT = 'a4a5d4098fb4474fa22cd05f897d6b99';
const NOW = new Date(0); // every vector pins X-Sdk-Date, so the clock must not matter

function sign(
  creds: { ak: string; sk: string },
  method: string,
  url: string,
  headers: Record<string, string>,
  body = '',
  signedHeaders?: string[],
) {
  const u = new URL(url);
  return signHuawei(
    { method, host: u.host, path: u.pathname, query: queryPairs(u.search), headers, body },
    creds,
    NOW,
    signedHeaders ? { signedHeaders } : {},
  );
}

describe('SDK-HMAC-SHA256 signer: published vectors (docs/providers.md §1.6)', () => {
  it('V1: the official documentation example, canonical request and Authorization', () => {
    const s = sign(
      DOC,
      'GET',
      'https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
      {
        'Content-Type': 'application/json',
        'X-Sdk-Date': '20191115T033655Z',
      },
    );
    expect(s.canonicalRequest).toBe(
      [
        'GET',
        '/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/',
        'limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
        'content-type:application/json',
        'host:service.region.example.com',
        'x-sdk-date:20191115T033655Z',
        '',
        'content-type;host;x-sdk-date',
        EMPTY_SHA,
      ].join('\n'),
    );
    expect(s.authorization).toBe(
      'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe',
    );
  });

  it('V2: Java SDK derivation test request signed with the basic algorithm', () => {
    const s = sign(
      DOC,
      'GET',
      'https://service.region.example.com/v5/iotps/77b6a44cba5143ab91d13ab9a8ff44fd/certificates?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
      {
        'Content-Type': 'application/json',
        'X-Sdk-Date': '20191115T033655Z',
      },
    );
    expect(s.authorization).toBe(
      'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=012cac5e920807f98bf7b23dfe05d29596d544a9b76c37cf933b274a6d4aa874',
    );
  });

  it.each([
    [
      'GET',
      'https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
      '',
      {},
      'fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d',
    ],
    [
      'POST',
      'https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123',
      '{"key":"value"}',
      {},
      'b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771',
    ],
    [
      'GET',
      'https://service.region.example.com',
      '',
      { Host: 'example.com' },
      '919ad8b75d4ad49da0d377e63ee21c4a7a54b752f6bf2878b4adbe9c19927da6',
    ],
  ])('V3: Java core test %s %s', (method, url, body, extra, signature) => {
    const s = sign(
      JAVA,
      method,
      url,
      { 'Content-Type': 'application/json', TEST_UNDERSCORE: 'x', 'X-Sdk-Date': '20191115T033655Z', ...extra },
      body,
    );
    // the default rule leaves out names with '_'; Java also leaves out content-type
    expect(s.signedHeaders).toContain('content-type');
    expect(s.signedHeaders).not.toContain('test_underscore');
    const javaStyle = sign(
      JAVA,
      method,
      url,
      { 'Content-Type': 'application/json', 'X-Sdk-Date': '20191115T033655Z', ...extra },
      body,
      ['host', 'x-sdk-date'],
    );
    expect(javaStyle.authorization).toBe(
      `SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=${signature}`,
    );
  });

  it.each([
    [
      'GET',
      'https://example.huaweicloud.com/path?limit=1',
      '',
      '5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624',
    ],
    [
      'POST',
      'https://example.huaweicloud.com/path?key=value',
      '{"Name":"test","Id":1}\n',
      'cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59',
    ],
  ])('V4: Go SDK test %s %s (only x-sdk-date signed, body bytes exact)', (method, url, body, signature) => {
    const s = sign(JAVA, method, url, { 'X-Sdk-Date': '20060102T150405Z' }, body, ['x-sdk-date']);
    expect(s.authorization).toBe(`SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=${signature}`);
  });

  const MA = 'https://modelarts.cn-north-4.myhuaweicloud.com';
  const base = { 'Content-Type': 'application/json', 'X-Project-Id': PROJECT, 'X-Sdk-Date': '20240601T000000Z' };
  const ALL = 'content-type;host;x-project-id;x-sdk-date';
  it.each([
    [
      'POST',
      `${MA}/v2/${PROJECT}/datasets/gfghHSokody6AJigS5A/tasks/r0jT2zwxBDKf8KEnSuZ/stop`,
      base,
      ALL,
      '908da3b0400c0918084422dcfd08934fa3a73d6e47e7d43f444ccf66d732eba0',
    ],
    [
      'POST',
      `${MA}/v2/${PROJECT}/datasets/gfghHSokody6AJigS5A/tasks/r0jT2zwxBDKf8KEnSuZ/stop`,
      base,
      'host;x-sdk-date',
      'd4c0aaff82705d758d7822026cbcef538c272360f9843a77645bc91690d6e7b0',
    ],
    [
      'POST',
      `${MA}/v2/${PROJECT}/datasets/gfghHSokody6AJigS5A/tasks/r0jT2zwxBDKf8KEnSuZ/stop`,
      { ...base, 'X-Security-Token': 'TOKENEXAMPLE' },
      `${ALL};x-security-token`,
      'b9704f667861fb457cd9786ea97bf83ccbc9960e0d6585b197fc2416c5926fee',
    ],
    [
      'POST',
      `${MA}/v1/${PROJECT}/training-jobs/10/versions/10/stop`,
      base,
      ALL,
      '7c8612e60dc3e53868faeb802ff97a0a40c6e5535e17096d73528f0104435123',
    ],
    [
      'POST',
      `${MA}/v1/${PROJECT}/training-jobs/10/versions/10/stop`,
      base,
      'host;x-sdk-date',
      '6b3f623326a7bc80cc97c2734215370c8a3014f618e6d3c527af59e4a7538cdf',
    ],
    [
      'GET',
      `${MA}/v2/${PROJECT}/datasets/gfghHSokody6AJigS5A/tasks/r0jT2zwxBDKf8KEnSuZ`,
      base,
      ALL,
      '75b5f505029b667d63bef8451dae3d45d34d2c6cba1cfe60e8c9845cf33ebec2',
    ],
    [
      'GET',
      `${MA}/v1/${PROJECT}/training-jobs/10/versions/10`,
      base,
      ALL,
      '023a83a534d2aa2d18f98defa7c7969fb718324dd4712a1accaaf39b3d74b664',
    ],
    [
      'GET',
      'https://iam.cn-north-4.myhuaweicloud.com/v3/projects?name=cn-north-4',
      { 'Content-Type': 'application/json', 'X-Sdk-Date': '20240601T000000Z' },
      'content-type;host;x-sdk-date',
      '1704794c7f936955d1500fca0011a6c80cf3f19c62acd4dbfe466d901aa3601e',
    ],
  ])('V5: %s %s signing %s', (method, url, headers, signed, signature) => {
    const s = sign(EX, method, url, headers, '', signed.split(';'));
    expect(s.authorization).toBe(
      `SDK-HMAC-SHA256 Access=AKEXAMPLE0123456789, SignedHeaders=${signed}, Signature=${signature}`,
    );
  });

  it('V5 row 1 canonical request, byte for byte', () => {
    const s = sign(EX, 'POST', `${MA}/v2/${PROJECT}/datasets/gfghHSokody6AJigS5A/tasks/r0jT2zwxBDKf8KEnSuZ/stop`, base);
    expect(s.canonicalRequest).toBe(
      `POST\n/v2/${PROJECT}/datasets/gfghHSokody6AJigS5A/tasks/r0jT2zwxBDKf8KEnSuZ/stop/\n\ncontent-type:application/json\nhost:modelarts.cn-north-4.myhuaweicloud.com\nx-project-id:${PROJECT}\nx-sdk-date:20240601T000000Z\n\n${ALL}\n${EMPTY_SHA}`,
    );
  });
});

describe('SDK-HMAC-SHA256 canonicalisation edge cases', () => {
  it('sorts query keys and repeated values and encodes reserved characters (Go SDK test)', () => {
    const q = queryPairs(
      '?test=' + encodeURIComponent('一 (&=?!#%.*)') + '&path=%2Ftmp%2F123&multi=3&multi=1&multi=2&limit=1&enable=true',
    );
    expect(huaweiCanonicalQuery(q)).toBe(
      'enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29',
    );
  });

  it('encodes a space as %20, never +, and keeps the unreserved set', () => {
    expect(huaweiCanonicalQuery([['a b', 'c d~_-.']])).toBe('a%20b=c%20d~_-.');
  });

  it('adds the trailing slash only to the canonical URI, once', () => {
    expect(huaweiCanonicalUri('/v1/x')).toBe('/v1/x/');
    expect(huaweiCanonicalUri('/v1/x/')).toBe('/v1/x/');
    expect(huaweiCanonicalUri('')).toBe('/');
    expect(huaweiCanonicalUri('/a%20b/%E4%B8%80')).toBe('/a%20b/%E4%B8%80/');
  });

  it('trims header values, lower-cases names and hashes an empty body as e3b0…b855', () => {
    const s = sign(
      EX,
      'POST',
      'https://h.example.com/p',
      { 'X-Sdk-Date': ' 20240601T000000Z ', 'X-Custom': '  a  b  ' },
      '',
    );
    expect(s.canonicalRequest).toContain('\nx-custom:a  b\n');
    expect(s.canonicalRequest.endsWith(EMPTY_SHA)).toBe(true);
  });

  it('the wire path stays without the trailing slash and the date comes from the clock when absent', () => {
    const s = signHuawei(
      { method: 'POST', host: 'h', path: '/v1/x', query: [], headers: {}, body: '' },
      EX,
      new Date('2024-06-01T00:00:00.123Z'),
    );
    expect(s.headers['X-Sdk-Date']).toBe('20240601T000000Z');
    expect(sdkDate(new Date('2019-11-15T03:36:55Z'))).toBe('20191115T033655Z');
    expect(s.canonicalRequest.split('\n')[1]).toBe('/v1/x/');
  });
});
