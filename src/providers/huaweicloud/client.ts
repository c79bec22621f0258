// Huawei Cloud client: resolves the ModelArts endpoint and project for a region, signs, sends, and reads the answer.
import { ToolError, configError } from '../../core/errors.js';
import { isSafeId } from '../../core/id-rule.js';
import { asObject, str } from '../../core/json.js';
import { USER_AGENT } from '../../version.js';
import { withinBudget, type CallBudget } from '../budget.js';
import type { DoctorRow, Input, ProviderClient } from '../client.js';
import { baseRow, describeFailure, timed } from '../doctor.js';
import type { Endpoint } from '../endpoint.js';
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
import { iamEndpoint, modelartsEndpoint, type HuaweiConfig } from './config.js';
import { huaweiFailure, huaweiRequestId } from './errors.js';
import { signHuawei } from './signer.js';

/** Where a ModelArts call goes. */
export interface HuaweiScope {
  region: string;
  projectId: string;
  endpoint: Endpoint;
}

export const HUAWEI_CREDENTIAL_VARS = { ak: 'HUAWEICLOUD_SDK_AK', sk: 'HUAWEICLOUD_SDK_SK' } as const;

export class HuaweiClient implements ProviderClient<HuaweiScope> {
  private readonly projects = new Map<string, Promise<string>>();

  constructor(
    private readonly config: HuaweiConfig,
    private readonly http: HttpOptions,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get timeoutMs(): number {
    return this.http.timeoutMs;
  }

  get configured(): boolean {
    return this.config.credentials !== undefined;
  }

  plannedTarget(input: Input): Record<string, string> {
    const region = typeof input.region === 'string' ? input.region : this.config.region;
    return { region, ...(typeof input.project_id === 'string' ? { project_id: input.project_id } : {}) };
  }

  /**
   * Region and project for a call: explicit values win over configuration; a missing project is looked up once per
   * region. The lookup is shared by the calls that need it at the same time, so a call whose budget ends (cancelled,
   * or out of time) stops waiting for it, while the lookup itself goes on, within its own limit, for the others.
   */
  async resolveScope(input: Input, budget: CallBudget = {}): Promise<HuaweiScope> {
    const r = typeof input.region === 'string' ? input.region : this.config.region;
    const given = typeof input.project_id === 'string' ? input.project_id : undefined;
    const endpoint = modelartsEndpoint(this.config, r);
    const explicit = given ?? (r === this.config.region ? this.config.projectId : undefined);
    if (explicit) return { region: r, endpoint, projectId: explicit };
    const lookup = withinBudget(this.lookupProject(r), budget, iamEndpoint(this.config, r), this.http.timeoutMs);
    return { region: r, endpoint, projectId: await lookup };
  }

  scopeLabel(input: Input): string {
    return `ModelArts project for region ${typeof input.region === 'string' ? input.region : this.config.region}`;
  }

  targetOf(scope: HuaweiScope): Record<string, string> {
    return { region: scope.region, project_id: scope.projectId };
  }

  /** Region and project_id for the stop tools when they are not what those tools would use by default. */
  stopArgs(scope: HuaweiScope, input: Input): Record<string, string> {
    const args: Record<string, string> = {};
    if (scope.region !== this.config.region) args.region = scope.region;
    const defaultProject = scope.region === this.config.region ? this.config.projectId : undefined;
    if (input.project_id !== undefined && input.project_id !== defaultProject) args.project_id = scope.projectId;
    return args;
  }

  describe(scope: HuaweiScope, req: ProviderRequest): RequestDescription {
    return describeSigned(this.sign(scope.endpoint, req, { 'X-Project-Id': scope.projectId }));
  }

  async call(scope: HuaweiScope, req: ProviderRequest, budget?: CallBudget): Promise<ProviderResponse> {
    const res = await this.sendSigned(scope.endpoint, req, { 'X-Project-Id': scope.projectId }, budget);
    return { status: res.status, requestId: huaweiRequestId(res), body: res.json ?? null, attempts: res.attempts };
  }

  /** The signed IAM project lookup proves the keys; a configured project id must be the one IAM lists. */
  async doctor(): Promise<DoctorRow> {
    const { region, projectId } = this.config;
    const row = baseRow({
      provider: 'huaweicloud',
      endpoint: iamEndpoint(this.config, region).url,
      missing: this.config.missing,
      credentialVars: HUAWEI_CREDENTIAL_VARS,
      ...(projectId ? { projectId } : {}),
    });
    if (row.credentials !== 'found') return row;
    return timed(row, async () => {
      try {
        const found = await this.fetchProject(region);
        row.signature = 'accepted';
        if (projectId && projectId !== found) {
          row.problem = true;
          row.fix = `HUAWEICLOUD_SDK_PROJECT_ID is ${projectId} but IAM lists ${found} as the ${region} project`;
        }
        row.projectId = found;
      } catch (err) {
        describeFailure(row, err, {
          credentialVars: HUAWEI_CREDENTIAL_VARS,
          authenticated: new Set(['forbidden', 'config']),
          grant: 'IAM project read, or set HUAWEICLOUD_SDK_PROJECT_ID',
        });
        // The lookup is only needed when no project id is configured; a key that may not list projects can still stop tasks.
        if (row.signature === 'accepted' && projectId) row.problem = false;
      }
    });
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
    const listed = asObject(res.json)?.projects;
    const projects = Array.isArray(listed) ? listed : [];
    const ids = projects.map((p) => str(asObject(p)?.id)).filter((id): id is string => id !== undefined);
    if (ids.length === 1 && isSafeId(ids[0]!)) return ids[0]!;
    if (ids.length === 1) {
      throw new ToolError({
        code: 'ProjectLookupFailed',
        category: 'upstream',
        retryable: false,
        message: `IAM answered a project id for "${region}" that is not a valid id.`,
      });
    }
    throw configError(
      ids.length === 0
        ? `IAM found no project named "${region}" for this access key.`
        : `IAM found ${ids.length} projects named "${region}"; the project is ambiguous.`,
      'Set HUAWEICLOUD_SDK_PROJECT_ID (or pass project_id) to the project id shown under My Credentials > API Credentials in the console.',
      'ProjectLookupFailed',
    );
  }

  /** Signs once and sends (retries resend the same signed bytes, well inside the 15-minute signature window). */
  private sendSigned(
    endpoint: Endpoint,
    req: ProviderRequest,
    extra: Record<string, string>,
    budget?: CallBudget,
  ): Promise<WireResponse> {
    const classify = (answer: WireResponse) => huaweiFailure(answer, req.answers);
    return send(this.sign(endpoint, req, extra).wire, endpoint, this.http, classify, budget);
  }

  private sign(endpoint: Endpoint, req: ProviderRequest, extra: Record<string, string>): SignedRequest {
    const creds = this.config.credentials;
    if (!creds)
      throw configError(`Huawei Cloud credentials are not configured: set ${this.config.missing.join(' and ')}.`);
    const url = new URL(endpoint.url + req.path + wireQuery(req.query));
    const body = serializeBody(req.body);
    const headers: Record<string, string> = { 'Content-Type': 'application/json', ...extra };
    if (creds.securityToken) headers['X-Security-Token'] = creds.securityToken;
    const signed = signHuawei(
      { method: req.method, host: url.host, path: url.pathname, query: req.query ?? [], headers, body },
      creds,
      this.now(),
      {
        signedHeaders: Object.keys(headers)
          .map((h) => h.toLowerCase())
          .concat('host', 'x-sdk-date'),
      },
    );
    const wire = { method: req.method, url, headers: { ...signed.headers, 'User-Agent': USER_AGENT }, body };
    return { wire, signedHeaders: signed.signedHeaders };
  }
}
