import { describe, expect, it } from 'vitest';
import { bceCanonicalQuery, bceTimestamp, signBce } from '../../src/providers/qianfan/signer.js';

const EX = { ak: 'AKEXAMPLE0123456789', sk: 'SKEXAMPLE0123456789' };
const NOW = new Date(0);

describe('bce-auth-v1 signer: published vectors (docs/providers.md §4.6)', () => {
  it('Baidu documentation example: canonical request and Authorization', () => {
    const s = signBce(
      {
        method: 'PUT',
        path: '/v1/test/myfolder/readme.txt',
        query: [
          ['partNumber', '9'],
          ['uploadId', 'a44cc9bab11cbd156984767aad637851'],
        ],
        headers: {
          Host: 'bj.bcebos.com',
          Date: 'Mon, 27 Apr 2015 16:23:49 +0800',
          'Content-Type': 'text/plain',
          'Content-Length': '8',
          'Content-Md5': 'NFzcPqhviddjRNnSOGo4rw==',
          'x-bce-date': '2015-04-27T08:23:49Z',
        },
      },
      { ak: 'a'.repeat(32), sk: 'b'.repeat(32) },
      NOW,
    );
    expect(s.canonicalRequest).toBe(
      'PUT\n/v1/test/myfolder/readme.txt\npartNumber=9&uploadId=a44cc9bab11cbd156984767aad637851\ncontent-length:8\ncontent-md5:NFzcPqhviddjRNnSOGo4rw%3D%3D\ncontent-type:text%2Fplain\nhost:bj.bcebos.com\nx-bce-date:2015-04-27T08%3A23%3A49Z',
    );
    expect(s.authorization).toBe(
      'bce-auth-v1/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/2015-04-27T08:23:49Z/1800//d74a04362e6a848f5b39b15421cb449427f419c95a480fd6b8cf9fc783e2999e',
    );
  });

  const JS_TIME = new Date(1402639056 * 1000); // 2014-06-13T05:57:36Z
  it('bce-sdk-js test: PUT with null/empty params and an x-bce-meta header', () => {
    const s = signBce(
      {
        method: 'PUT',
        path: '/v1/bucket/object1',
        query: [
          ['A', ''],
          ['b', ''],
          ['C', 'd'],
        ],
        headers: { Host: 'bce.baidu.com', abc: '123', 'x-bce-meta-key1': 'ABC' },
      },
      { ak: 'my_ak', sk: 'my_sk' },
      JS_TIME,
      { headersToSign: ['host', 'content-md5', 'content-length', 'content-type'] },
    );
    expect(
      bceCanonicalQuery([
        ['A', ''],
        ['b', ''],
        ['C', 'd'],
      ]),
    ).toBe('A=&C=d&b=');
    expect(s.authorization).toBe(
      'bce-auth-v1/my_ak/2014-06-13T05:57:36Z/1800/host;x-bce-meta-key1/80c9672aca2ea9af4bb40b9a8ff458d72df94e97d550840727f3a929af271d25',
    );
  });

  it('bce-sdk-js test: DELETE with content-type and content-length signed', () => {
    const s = signBce(
      {
        method: 'DELETE',
        path: '/v1/test-bucket1361199862',
        query: [],
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': '0',
          'User-Agent': 'bce-sdk-nodejs',
        },
      },
      { ak: 'my_ak', sk: 'my_sk' },
      JS_TIME,
      { headersToSign: ['host', 'content-md5', 'content-length', 'content-type'] },
    );
    expect(s.canonicalRequest).toContain('content-type:application%2Fjson%3B%20charset%3Dutf-8');
    expect(s.authorization).toBe(
      'bce-auth-v1/my_ak/2014-06-13T05:57:36Z/1800/content-length;content-type/c9386b15d585960ae5e6972f73ed92a9a682dc81025480ba5b41206d3e489822',
    );
  });

  const V = [
    [
      '/v2/finetuning',
      [['Action', 'StopFineTuningTask']],
      'b7581803be822ed1378081f999471ea40452474f1fb30ffd8c8965db24f1d387',
      '866a6d3f43a5de2479330ab8ebe35a5bf8f473709bce49c2eebac12813ca86d1',
    ],
    [
      '/v2/batchinference',
      [['Action', 'StopBatchInferenceTask']],
      'a8b107887af9ee7e03617c35ebfddf521725433fbbda5567c7a08bce4ff0fd19',
      '4610125555a3e9383faf76bd4fa745f35ee11c1dc6c7e76600b643ca4318f74f',
    ],
    [
      '/wenxinworkshop/modelrepo/eval/cancel',
      [],
      '7c04367ad13cc5c85856876e1f5e838e23cc06fae7b79f86113d086f2b469972',
      '3fbca9434c4cb781995b36a1912f8f90f4946e0a6c48b0d0103e4165f62286b9',
    ],
    [
      '/wenxinworkshop/modelrepo/eval/cancel',
      [['Action', '']],
      'd2bfd88c71f5305760ac06328694b92a79ff92d7ab017d2eb34303d748d5c5ef',
      '40cc65286fc4d87e453c459a95eac666ecb63000ba73f7eb83ff354e083f3066',
    ],
  ] as const;
  it.each(V)('derived vector %s %j', (path, query, full, minimal) => {
    const headers = {
      'Content-Type': 'application/json',
      Host: 'qianfan.baidubce.com',
      'x-bce-date': '2024-06-01T00:00:00Z',
    };
    const a = signBce({ method: 'POST', path, query, headers }, EX, NOW, {
      expirationSeconds: 300,
      headersToSign: ['content-type', 'host', 'x-bce-date'],
    });
    expect(a.authorization).toBe(
      `bce-auth-v1/AKEXAMPLE0123456789/2024-06-01T00:00:00Z/300/content-type;host;x-bce-date/${full}`,
    );
    const b = signBce(
      { method: 'POST', path, query, headers: { Host: 'qianfan.baidubce.com', 'x-bce-date': '2024-06-01T00:00:00Z' } },
      EX,
      NOW,
      {
        expirationSeconds: 300,
        headersToSign: ['host', 'x-bce-date'],
      },
    );
    expect(b.authorization).toBe(`bce-auth-v1/AKEXAMPLE0123456789/2024-06-01T00:00:00Z/300/host;x-bce-date/${minimal}`);
  });

  it('derived vector 1: canonical request byte for byte', () => {
    const s = signBce(
      {
        method: 'POST',
        path: '/v2/finetuning',
        query: [['Action', 'StopFineTuningTask']],
        headers: {
          'Content-Type': 'application/json',
          Host: 'qianfan.baidubce.com',
          'x-bce-date': '2024-06-01T00:00:00Z',
        },
      },
      EX,
      NOW,
      { expirationSeconds: 300, headersToSign: ['content-type', 'host', 'x-bce-date'] },
    );
    expect(s.canonicalRequest).toBe(
      'POST\n/v2/finetuning\nAction=StopFineTuningTask\ncontent-type:application%2Fjson\nhost:qianfan.baidubce.com\nx-bce-date:2024-06-01T00%3A00%3A00Z',
    );
  });
});

describe('bce-auth-v1 canonicalisation edge cases', () => {
  it('sorts k=v strings after encoding, encodes spaces as %20, skips an authorization param', () => {
    expect(
      bceCanonicalQuery([
        ['b', 'x y'],
        ['a', '2'],
        ['a', '1'],
        ['authorization', 'z'],
      ]),
    ).toBe('a=1&a=2&b=x%20y');
  });
  it('signs the security token header and skips empty header values', () => {
    const s = signBce(
      {
        method: 'POST',
        path: '/v2/x',
        query: [],
        headers: { Host: 'h', 'x-bce-security-token': 'T', 'x-bce-empty': '  ' },
      },
      EX,
      new Date('2024-06-01T00:00:00.999Z'),
      {
        headersToSign: ['host', 'x-bce-date'],
      },
    );
    expect(s.authorization).toContain('/2024-06-01T00:00:00Z/1800/host;x-bce-security-token/');
  });
});
