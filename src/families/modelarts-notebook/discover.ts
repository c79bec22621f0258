// ModelArts notebooks (docs/providers-modern.md §M2): the instance list, a record offset in steps of 50. The list's
// `status` filter takes one value, so no filter is sent and the running ones are kept here.
import { asObject, str, timeOf, type JsonObject } from '../../core/json.js';
import type { HuaweiScope } from '../../providers/huaweicloud/client.js';
import { apiPath } from '../../providers/request.js';
import { countOf, followRecordOffsets, listOf } from '../../tools/listing/paging.js';
import type { FamilyDiscovery } from '../../tools/listing/types.js';
import { billingOf, readNotebook, storageNotice } from './status.js';

const LIMIT = 50;

const discovery: FamilyDiscovery<HuaweiScope> = {
  listing: 'ModelArts notebook list',
  covers: 'notebooks',
  async discover(ctx) {
    const what = 'ModelArts notebook list';
    const listing = await followRecordOffsets(
      async (offset, limit) => {
        const body = await ctx.send({
          method: 'GET',
          path: apiPath`/v1/${ctx.scope.projectId}/notebooks`,
          query: [
            ['limit', String(limit)],
            ['offset', String(offset)],
          ],
        });
        return { items: listOf(body, 'data', what), total: countOf(body, 'total') };
      },
      (n) => str(n.id),
      LIMIT,
    );
    if (!listing.complete) ctx.incomplete(listing);
    for (const notebook of listing.items) {
      const ids = { notebook_id: str(notebook.id)! };
      const billing = billingOf(notebook);
      ctx.emit({
        ids,
        name: str(notebook.name),
        createdAt: timeOf(notebook.create_at),
        status: readNotebook(notebook),
        stopArgs: ids,
        resources: { flavor: flavorOf(notebook), charging: billing?.billing_items },
        notice: storageNotice(billing),
      });
    }
  },
};

/** `flavor` is a flavor id string; some answers nest it (UNVERIFIED), so take its id or name then. */
function flavorOf(notebook: JsonObject): string | undefined {
  const flavor = notebook.flavor;
  return str(flavor) ?? str(asObject(flavor)?.id) ?? str(asObject(flavor)?.name);
}

export default discovery;
