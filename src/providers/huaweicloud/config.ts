// Huawei Cloud settings and endpoint rules (docs/providers.md §2.1, §2.2): the region, the project, the IAM endpoint
// and per-region ModelArts endpoint overrides, read the way the Huawei SDKs read them.
import { isSafeId } from '../../core/id-rule.js';
import { StartupError } from '../../core/errors.js';
import { checkUrl, envValue, nonEmpty } from '../../core/settings.js';
import type { ProviderSettings } from '../client.js';
import type { Endpoint } from '../endpoint.js';

export interface HuaweiConfig {
  credentials: { ak: string; sk: string; securityToken?: string } | undefined;
  /** Variables to set before Huawei tools can work. */
  missing: string[];
  region: string;
  projectId: string | undefined;
  iamEndpoint: Endpoint | undefined;
  /** Per-region ModelArts endpoint overrides, keyed by region id. */
  endpoints: Record<string, Endpoint>;
  /** ModelArts endpoint for every region without its own override (set by --simulate, not by a variable). */
  endpointFallback?: Endpoint;
}

export const DEFAULT_REGION = 'cn-north-4';
const REGION_RE = /^[a-z]{2,}(-[a-z0-9]+)*-\d{1,2}$/;
const MODELARTS_OVERRIDE = /^HUAWEICLOUD_SDK_REGION_MODELARTS_([A-Z0-9_]+)$/;

export function loadHuaweiConfig(s: ProviderSettings): HuaweiConfig {
  const region = s.setting('region', 'HUAWEICLOUD_SDK_REGION', DEFAULT_REGION)!;
  if (!REGION_RE.test(region.value)) {
    throw new StartupError(`${region.source} "${region.value}" is not a region id such as cn-north-4`);
  }

  // HUAWEICLOUD_SDK_REGION_MODELARTS_<REGION>: the SDKs take the first of a comma-separated list.
  const endpoints: Record<string, Endpoint> = {};
  for (const [name, value] of Object.entries(s.env)) {
    const m = MODELARTS_OVERRIDE.exec(name);
    const first = nonEmpty(value?.split(',')[0]);
    if (m && first) endpoints[m[1]!.toLowerCase().replace(/_/g, '-')] = { url: checkUrl(first, name), source: name };
  }

  const iam = s.setting('iam-endpoint', 'HUAWEICLOUD_SDK_IAM_ENDPOINT');
  const ak = envValue(s.env, 'HUAWEICLOUD_SDK_AK');
  const sk = envValue(s.env, 'HUAWEICLOUD_SDK_SK');
  const token = envValue(s.env, 'HUAWEICLOUD_SDK_SECURITY_TOKEN');
  return {
    credentials: ak && sk ? { ak, sk, ...(token ? { securityToken: token } : {}) } : undefined,
    missing: [ak ? '' : 'HUAWEICLOUD_SDK_AK', sk ? '' : 'HUAWEICLOUD_SDK_SK'].filter(Boolean),
    region: region.value,
    projectId: projectId(s),
    iamEndpoint: iam && { url: checkUrl(iam.value, iam.source), source: iam.source },
    endpoints,
  };
}

/** The configured project id goes into every ModelArts path, so it follows the same rule as an id given to a tool. */
function projectId(s: ProviderSettings): string | undefined {
  const project = s.setting('project-id', 'HUAWEICLOUD_SDK_PROJECT_ID');
  if (project === undefined) return undefined;
  if (!isSafeId(project.value)) {
    throw new StartupError(
      `${project.source} is not a project id (1-128 characters of A-Z, a-z, 0-9, '.', '_' and '-'; ` +
        '32 hex characters as IAM shows it)',
    );
  }
  return project.value;
}

/** ModelArts endpoint for a region: an override, else the public one (ap-southeast-1 lives under .cn). */
export function modelartsEndpoint(config: HuaweiConfig, region: string): Endpoint {
  const override = config.endpoints[region] ?? config.endpointFallback;
  if (override) return override;
  const domain = region === 'ap-southeast-1' ? 'myhuaweicloud.cn' : 'myhuaweicloud.com';
  return { url: `https://modelarts.${region}.${domain}`, source: 'default' };
}

export function iamEndpoint(config: HuaweiConfig, region: string): Endpoint {
  return config.iamEndpoint ?? { url: `https://iam.${region}.myhuaweicloud.com`, source: 'default' };
}

export function isRegion(value: string): boolean {
  return REGION_RE.test(value);
}

/** The configuration with every request sent to `endpoint` with `keys` (--simulate): nothing real survives. */
export function simulatedHuaweiConfig(
  config: HuaweiConfig,
  endpoint: Endpoint,
  keys: { ak: string; sk: string },
): HuaweiConfig {
  return {
    ...config,
    credentials: { ...keys },
    missing: [],
    projectId: undefined,
    iamEndpoint: endpoint,
    endpoints: {},
    endpointFallback: endpoint,
  };
}
