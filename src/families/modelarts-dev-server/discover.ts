// ModelArts Lite Servers (docs/providers-modern.md §M5): the server list, a record offset in steps of 100; it has no
// status filter, so the running ones are kept here.
import { asObject, str, timeOf, type JsonObject } from '../../core/json.js';
import type { HuaweiScope } from '../../providers/huaweicloud/client.js';
import { apiPath } from '../../providers/request.js';
import { countOf, followRecordOffsets, listOf } from '../../tools/listing/paging.js';
import type { FamilyDiscovery } from '../../tools/listing/types.js';
import { chargingNotice, readServer } from './status.js';

const LIMIT = 100;

const discovery: FamilyDiscovery<HuaweiScope> = {
  listing: 'ModelArts Lite Server list',
  covers: 'Lite Servers',
  async discover(ctx) {
    const what = 'ModelArts Lite Server list';
    const listing = await followRecordOffsets(
      async (offset, limit) => {
        const body = await ctx.send({
          method: 'GET',
          path: apiPath`/v1/${ctx.scope.projectId}/dev-servers`,
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
    for (const server of listing.items) {
      const ids = { dev_server_id: str(server.id)! };
      const mode = str(server.charging_mode);
      ctx.emit({
        ids,
        name: str(server.name),
        createdAt: timeOf(server.create_at),
        status: readServer(server),
        stopArgs: ids,
        resources: { flavor: flavorOf(server), charging: mode },
        notice: mode === 'PRE_PAID' ? chargingNotice(mode) : undefined,
      });
    }
  },
};

/** `flavor` is a flavor name; a nested object is read tolerantly (UNVERIFIED shape). */
function flavorOf(server: JsonObject): string | undefined {
  return str(server.flavor) ?? str(asObject(server.flavor)?.name) ?? str(asObject(server.flavor)?.id);
}

export default discovery;
