// Qianfan console client: signs with bce-auth-v1, sends, and reads the answer. Qianfan has no per-call scope.
import { ToolError, configError } from '../../core/errors.js';
import { USER_AGENT } from '../../version.js';
import type { CallBudget } from '../budget.js';
import type { DoctorRow, ProviderClient } from '../client.js';
import { baseRow, describeFailure, timed } from '../doctor.js';
import {
  describeSigned,
  serializeBody,
  wireQuery,
  type ProviderRequest,
  type ProviderResponse,
  type RequestDescription,
  type SignedRequest,
} from '../request.js';
import { send, type HttpOptions, type WireResponse } from '../send.js';
import type { QianfanConfig } from './config.js';
import { qianfanFailure, qianfanRequestId } from './errors.js';
import { bceTimestamp, signBce } from './signer.js';

const HEADERS_TO_SIGN = ['content-type', 'host', 'x-bce-date'];

/** Qianfan calls all go to the one console endpoint. */
export type QianfanScope = Record<string, never>;

export const QIANFAN_CREDENTIAL_VARS = { ak: 'QIANFAN_ACCESS_KEY', sk: 'QIANFAN_SECRET_KEY' } as const;

/** A task id no Qianfan account can have: an authenticated "not found" for it proves the keys work. */
export const PROBE_TASK = 'task-mlstopdoctorprobe';

export class QianfanClient implements ProviderClient<QianfanScope> {
  constructor(
    private readonly config: QianfanConfig,
    private readonly http: HttpOptions,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get timeoutMs(): number {
    return this.http.timeoutMs;
  }

  get configured(): boolean {
    return this.config.credentials !== undefined;
  }

  plannedTarget(): Record<string, string> {
    return {};
  }

  async resolveScope(): Promise<QianfanScope> {
    return {};
  }

  scopeLabel(): string {
    return 'Qianfan console';
  }

  targetOf(): Record<string, string> {
    return {};
  }

  stopArgs(): Record<string, string> {
    return {};
  }

  describe(_scope: QianfanScope, req: ProviderRequest): RequestDescription {
    return describeSigned(this.sign(req));
  }

  async call(_scope: QianfanScope, req: ProviderRequest, budget?: CallBudget): Promise<ProviderResponse> {
    // Signed once; retries resend the same bytes, well inside the signature's 1800-second validity.
    const classify = (answer: WireResponse) => qianfanFailure(answer, req.answers);
    const res = await send(this.sign(req).wire, this.config.baseUrl, this.http, classify, budget);
    return { status: res.status, requestId: qianfanRequestId(res), body: res.json ?? null, attempts: res.attempts };
  }

  /** A fine-tuning task read for an id that cannot exist: any authenticated answer proves the keys. */
  async doctor(): Promise<DoctorRow> {
    const row = baseRow({
      provider: 'qianfan',
      endpoint: this.config.baseUrl.url,
      missing: this.config.missing,
      credentialVars: QIANFAN_CREDENTIAL_VARS,
    });
    if (row.credentials !== 'found') return row;
    return timed(row, async () => {
      try {
        const probe = { taskId: PROBE_TASK };
        await this.call(
          {},
          { method: 'POST', path: '/v2/finetuning', query: [['Action', 'DescribeFineTuningTask']], body: probe },
        );
        row.signature = 'accepted';
      } catch (err) {
        describeFailure(row, err, {
          credentialVars: QIANFAN_CREDENTIAL_VARS,
          authenticated: new Set(['forbidden', 'not_found', 'invalid_input']),
          grant: 'the Qianfan console permissions',
        });
        if (row.signature === 'accepted' && err instanceof ToolError && err.category !== 'forbidden') {
          Object.assign(row, { problem: false, fix: '' });
        }
      }
    });
  }

  private sign(req: ProviderRequest): SignedRequest {
    const creds = this.config.credentials;
    if (!creds) throw configError(`Qianfan credentials are not configured: set ${this.config.missing.join(' and ')}.`);
    const url = new URL(this.config.baseUrl.url + req.path + wireQuery(req.query));
    const now = this.now();
    const headers = { 'Content-Type': 'application/json', Host: url.host, 'x-bce-date': bceTimestamp(now) };
    const signed = signBce(
      { method: req.method, path: decodeURIComponent(url.pathname), query: req.query ?? [], headers },
      creds,
      now,
      {
        headersToSign: HEADERS_TO_SIGN,
      },
    );
    const wire = {
      method: req.method,
      url,
      headers: { ...signed.headers, 'User-Agent': USER_AGENT },
      body: serializeBody(req.body),
    };
    return { wire, signedHeaders: signed.signedHeaders };
  }
}
