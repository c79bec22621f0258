// ModelArts services of the old (v1) inference API (docs/providers-modern.md §M3): real-time and batch services.
// `offset` is documented as a "start page", which may be a page index or a record offset (UNVERIFIED):
// followOffsets tells the two apart from the answers. No status filter is sent (it takes one value).
import { str, timeOf } from '../../core/json.js';
import type { HuaweiScope } from '../../providers/huaweicloud/client.js';
import { apiPath } from '../../providers/request.js';
import { countOf, followOffsets, listOf } from '../../tools/listing/paging.js';
import type { FamilyDiscovery } from '../../tools/listing/types.js';
import { mapStatus } from '../status-table.js';
import { STATES } from './status.js';

const LIMIT = '100';

const discovery: FamilyDiscovery<HuaweiScope> = {
  listing: 'ModelArts service list (v1)',
  covers: 'real-time and batch services (v1 API)',
  async discover(ctx) {
    const what = 'ModelArts service list (v1)';
    const listing = await followOffsets(
      async (offset) => {
        const body = await ctx.send({
          method: 'GET',
          path: apiPath`/v1/${ctx.scope.projectId}/services`,
          query: [
            ['limit', LIMIT],
            ['offset', String(offset)],
          ],
        });
        return { items: listOf(body, 'services', what), total: countOf(body, 'total_count') };
      },
      (s) => str(s.service_id),
    );
    if (!listing.complete) ctx.incomplete(listing);
    for (const service of listing.items) {
      const ids = { service_id: str(service.service_id)! };
      ctx.emit({
        ids,
        name: str(service.service_name),
        createdAt: timeOf(service.publish_at),
        status: mapStatus(STATES, service.status),
        stopArgs: ids,
      });
    }
  },
};

export default discovery;
