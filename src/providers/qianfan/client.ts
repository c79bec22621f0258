// Qianfan console client: signs with bce-auth-v1, sends, and reads the answer.
import type { QianfanConfig } from '../../config.js';
import { configError } from '../../errors.js';
import { USER_AGENT } from '../../version.js';
import { send, type CallBudget, type HttpOptions } from '../http.js';
import { describeSigned, serializeBody, wireQuery, type ProviderRequest, type ProviderResponse, type RequestDescription, type SignedRequest } from '../request.js';
import { qianfanFailure, qianfanRequestId } from './errors.js';
import { bceTimestamp, signBce } from './signer.js';

const HEADERS_TO_SIGN = ['content-type', 'host', 'x-bce-date'];

export class QianfanClient {
  constructor(
    private readonly config: QianfanConfig,
    private readonly http: HttpOptions,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The time limit of one call (ML_STOP_TIMEOUT_MS); multi-request tools use it as their budget. */
  get timeoutMs(): number {
    return this.http.timeoutMs;
  }

  get configured(): boolean {
    return this.config.credentials !== undefined;
  }

  /** What call() would send for this request, signed the same way, without sending it. */
  describe(req: ProviderRequest): RequestDescription {
    return describeSigned(this.sign(req));
  }

  /**
   * Signs and sends one console request within the call's budget; throws ToolError on any failure, including a 2xx
   * that reports one.
   */
  async call(req: ProviderRequest, budget?: CallBudget): Promise<ProviderResponse> {
    // Signed once; retries resend the same bytes, well inside the signature's 1800-second validity.
    const res = await send(this.sign(req).wire, this.config.baseUrl, this.http, qianfanFailure, budget);
    return { status: res.status, requestId: qianfanRequestId(res), body: res.json ?? null, attempts: res.attempts };
  }

  private sign(req: ProviderRequest): SignedRequest {
    const creds = this.config.credentials;
    if (!creds) throw configError(`Qianfan credentials are not configured: set ${this.config.missing.join(' and ')}.`);
    const url = new URL(this.config.baseUrl.url + req.path + wireQuery(req.query));
    const now = this.now();
    const signed = signBce(
      { method: req.method, path: decodeURIComponent(url.pathname), query: req.query ?? [], headers: { 'Content-Type': 'application/json', Host: url.host, 'x-bce-date': bceTimestamp(now) } },
      creds,
      now,
      { headersToSign: HEADERS_TO_SIGN },
    );
    const headers = { ...signed.headers, 'User-Agent': USER_AGENT };
    return { wire: { method: req.method, url, headers, body: serializeBody(req.body) }, signedHeaders: signed.signedHeaders };
  }
}
