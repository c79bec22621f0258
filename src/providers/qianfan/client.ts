// Qianfan console client: signs with bce-auth-v1, sends, and reads the answer.
import type { QianfanConfig } from '../../config.js';
import { configError } from '../../errors.js';
import { send, type HttpOptions } from '../http.js';
import { serializeBody, wireQuery, type ProviderRequest, type ProviderResponse } from '../request.js';
import { qianfanFailure, qianfanRequestId } from './errors.js';
import { bceTimestamp, signBce } from './signer.js';

const HEADERS_TO_SIGN = ['content-type', 'host', 'x-bce-date'];
const USER_AGENT = 'ml-stop-mcp';

export class QianfanClient {
  constructor(
    private readonly config: QianfanConfig,
    private readonly http: HttpOptions,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get configured(): boolean {
    return this.config.credentials !== undefined;
  }

  /** Signs and sends one console request; throws ToolError on any failure, including a 2xx that reports one. */
  async call(req: ProviderRequest): Promise<ProviderResponse> {
    const creds = this.config.credentials;
    if (!creds) throw configError(`Qianfan credentials are not configured: set ${this.config.missing.join(' and ')}.`);
    const url = new URL(this.config.baseUrl.url + req.path + wireQuery(req.query));
    const now = this.now();
    const signed = signBce(
      { method: req.method, path: url.pathname, query: req.query ?? [], headers: { 'Content-Type': 'application/json', Host: url.host, 'x-bce-date': bceTimestamp(now) } },
      creds,
      now,
      { headersToSign: HEADERS_TO_SIGN },
    );
    const headers = { ...signed.headers, 'User-Agent': USER_AGENT };
    // Signed once; retries resend the same bytes, well inside the signature's 1800-second validity.
    const res = await send({ method: req.method, url, headers, body: serializeBody(req.body) }, this.config.baseUrl, this.http, qianfanFailure);
    return { status: res.status, requestId: qianfanRequestId(res), body: res.json ?? null, attempts: res.attempts };
  }
}
