// The simulated providers, one per provider id.
import type { ProviderId } from '../../core/ids.js';
import type { SimProvider } from './define.js';
import { huaweicloudSim } from './huaweicloud.js';
import { qianfanSim } from './qianfan.js';

export const SIM_PROVIDERS: Record<ProviderId, SimProvider> = { huaweicloud: huaweicloudSim, qianfan: qianfanSim };
