// The provider registry: one entry per provider id, so the compiler names a provider that lacks one.
import type { ProviderId } from '../core/ids.js';
import type { ProviderModule } from './client.js';
import { huaweicloud } from './huaweicloud/index.js';
import { qianfan } from './qianfan/index.js';

export const PROVIDERS = { huaweicloud, qianfan } satisfies Record<ProviderId, ProviderModule<any, any>>;

/** Each provider's configuration type, as its module parses it. */
export type ProviderConfigs = {
  [P in ProviderId]: (typeof PROVIDERS)[P] extends ProviderModule<infer C, any> ? C : never;
};

/**
 * One provider's module, typed to take that provider's configuration. Indexing PROVIDERS and a ProviderConfigs by
 * the same union id loses the pairing in the type system; this restores it in one place.
 */
export function providerModule(p: ProviderId): ProviderModule<ProviderConfigs[ProviderId]> {
  return PROVIDERS[p] as ProviderModule<ProviderConfigs[ProviderId]>;
}
