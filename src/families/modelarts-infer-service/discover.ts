// ModelArts inference services of the new API (docs/providers-modern.md §M4): the service list, whose offset is a
// record offset that must be a multiple of the limit. Whether a v1 service id is also found here is UNVERIFIED, so
// the v1 services are a family of their own with their own list.
import { str, timeOf } from '../../core/json.js';
import type { HuaweiScope } from '../../providers/huaweicloud/client.js';
import { apiPath } from '../../providers/request.js';
import { countOf, followRecordOffsets, listOf } from '../../tools/listing/paging.js';
import type { FamilyDiscovery } from '../../tools/listing/types.js';
import { mapStatus } from '../status-table.js';
import { STATES } from './status.js';

const LIMIT = 100;

const discovery: FamilyDiscovery<HuaweiScope> = {
  listing: 'ModelArts inference service list (v2)',
  covers: 'inference services',
  async discover(ctx) {
    const what = 'ModelArts inference service list (v2)';
    const listing = await followRecordOffsets(
      async (offset, limit) => {
        const body = await ctx.send({
          method: 'GET',
          path: apiPath`/v2/${ctx.scope.projectId}/services`,
          query: [
            ['limit', String(limit)],
            ['offset', String(offset)],
          ],
        });
        return { items: listOf(body, 'data', what), total: countOf(body, 'total') };
      },
      (s) => str(s.id),
      LIMIT,
    );
    if (!listing.complete) ctx.incomplete(listing);
    for (const service of listing.items) {
      const ids = { service_id: str(service.id)! };
      ctx.emit({
        ids,
        name: str(service.name),
        createdAt: timeOf(service.create_at),
        status: mapStatus(STATES, service.status),
        stopArgs: ids,
      });
    }
  },
};

export default discovery;
