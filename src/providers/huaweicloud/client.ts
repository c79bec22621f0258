// Huawei Cloud client: resolves the ModelArts endpoint and project for a region, signs, sends, and reads the answer.
import { iamEndpoint, modelartsEndpoint, type Endpoint, type HuaweiConfig } from '../../config.js';
import { ToolError, configError } from '../../errors.js';
import { USER_AGENT } from '../../version.js';
import { send, withinBudget, type CallBudget, type HttpOptions, type WireResponse } from '../http.js';
import { asObject, str } from '../json.js';
import { describeSigned, isSafeId, serializeBody, wireQuery, type ProviderRequest, type ProviderResponse, type RequestDescription, type SignedRequest } from '../request.js';
import { huaweiFailure, huaweiRequestId } from './errors.js';
import { signHuawei } from './signer.js';

export interface HuaweiScope {
  region: string;
  projectId: string;
  endpoint: Endpoint;
}


export class HuaweiClient {
  private readonly projects = new Map<string, Promise<string>>();

  constructor(
    private readonly config: HuaweiConfig,
    private readonly http: HttpOptions,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The region and project a call falls back to when it names none. */
  get defaults(): { region: string; projectId: string | undefined } {
    return { region: this.config.region, projectId: this.config.projectId };
  }

  /** The time limit of one call (ML_STOP_TIMEOUT_MS); multi-request tools use it as their budget. */
  get timeoutMs(): number {
    return this.http.timeoutMs;
  }

  get configured(): boolean {
    return this.config.credentials !== undefined;
  }

  /**
   * Region and project for a call: explicit values win over configuration; a missing project is looked up once per
   * region. The lookup is shared by the calls that need it at the same time, so a call whose budget ends (cancelled,
   * or out of time) stops waiting for it, while the lookup itself goes on, within its own limit, for the others.
   */
  async scope(region: string | undefined, projectId: string | undefined, budget: CallBudget = {}): Promise<HuaweiScope> {
    const r = region ?? this.config.region;
    const endpoint = modelartsEndpoint(this.config, r);
    const explicit = projectId ?? (r === this.config.region ? this.config.projectId : undefined);
    if (explicit) return { region: r, endpoint, projectId: explicit };
    return { region: r, endpoint, projectId: await withinBudget(this.lookupProject(r), budget, iamEndpoint(this.config, r), this.http.timeoutMs) };
  }

  /** What call() would send for this request, signed the same way, without sending it. */
  describe(scope: HuaweiScope, req: ProviderRequest): RequestDescription {
    return describeSigned(this.sign(scope.endpoint, req, { 'X-Project-Id': scope.projectId }));
  }

  /**
   * Signs and sends one ModelArts request within the call's budget; throws ToolError on any failure, including a
   * 2xx that reports one.
   */
  async call(scope: HuaweiScope, req: ProviderRequest, budget?: CallBudget): Promise<ProviderResponse> {
    const res = await this.sendSigned(scope.endpoint, req, { 'X-Project-Id': scope.projectId }, budget);
    return { status: res.status, requestId: huaweiRequestId(res), body: res.json ?? null, attempts: res.attempts };
  }

  /** The region's project id as IAM lists it, asked now (never cached): a harmless signed read for `doctor`. */
  findProject(region: string): Promise<string> {
    return this.fetchProject(region);
  }

  private lookupProject(region: string): Promise<string> {
    let pending = this.projects.get(region);
    if (!pending) {
      pending = this.fetchProject(region);
      this.projects.set(region, pending);
      pending.catch(() => this.projects.delete(region));
    }
    return pending;
  }

  private async fetchProject(region: string): Promise<string> {
    const endpoint = iamEndpoint(this.config, region);
    const res = await this.sendSigned(endpoint, { method: 'GET', path: '/v3/projects', query: [['name', region]] }, {});
    const projects = (asObject(res.json)?.projects as unknown[] | undefined) ?? [];
    const ids = projects.map((p) => str(asObject(p)?.id)).filter((id): id is string => id !== undefined);
    if (ids.length === 1 && isSafeId(ids[0]!)) return ids[0]!;
    if (ids.length === 1) throw new ToolError({ code: 'ProjectLookupFailed', category: 'upstream', retryable: false, message: `IAM answered a project id for "${region}" that is not a valid id.` });
    throw configError(
      ids.length === 0
        ? `IAM found no project named "${region}" for this access key.`
        : `IAM found ${ids.length} projects named "${region}"; the project is ambiguous.`,
      'Set HUAWEICLOUD_SDK_PROJECT_ID (or pass project_id) to the project id shown under My Credentials > API Credentials in the console.',
      'ProjectLookupFailed',
    );
  }

  /** Signs once and sends (retries resend the same signed bytes, well inside the 15-minute signature window). */
  private sendSigned(endpoint: Endpoint, req: ProviderRequest, extra: Record<string, string>, budget?: CallBudget): Promise<WireResponse> {
    return send(this.sign(endpoint, req, extra).wire, endpoint, this.http, huaweiFailure, budget);
  }

  private sign(endpoint: Endpoint, req: ProviderRequest, extra: Record<string, string>): SignedRequest {
    const creds = this.config.credentials;
    if (!creds) throw configError(`Huawei Cloud credentials are not configured: set ${this.config.missing.join(' and ')}.`);
    const url = new URL(endpoint.url + req.path + wireQuery(req.query));
    const body = serializeBody(req.body);
    const headers: Record<string, string> = { 'Content-Type': 'application/json', ...extra };
    if (creds.securityToken) headers['X-Security-Token'] = creds.securityToken;
    const signed = signHuawei(
      { method: req.method, host: url.host, path: url.pathname, query: req.query ?? [], headers, body },
      creds,
      this.now(),
      { signedHeaders: Object.keys(headers).map((h) => h.toLowerCase()).concat('host', 'x-sdk-date') },
    );
    return { wire: { method: req.method, url, headers: { ...signed.headers, 'User-Agent': USER_AGENT }, body }, signedHeaders: signed.signedHeaders };
  }
}
