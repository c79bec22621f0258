// Qianfan custom services (docs/providers-modern.md §Q4a): DescribeServices filtered to the services that run (New,
// Deploying, Serving), marker paging. The list field's name is UNVERIFIED (serviceList is likely): the first list in
// `result` is read when it is not there.
import { asObject, str } from '../../core/json.js';
import { countOf, followMarkers, markerPage, type MarkerPage } from '../../tools/listing/paging.js';
import type { FamilyDiscovery } from '../../tools/listing/types.js';
import { billingOf, holdsPostpaidUnits, readService } from './status.js';

const discovery: FamilyDiscovery = {
  listing: 'DescribeServices',
  covers: 'custom services',
  async discover(ctx) {
    const runStatus = ['New', 'Deploying', 'Serving'];
    const listing = await followMarkers(
      async (marker) =>
        servicesPage(
          await ctx.send({
            method: 'POST',
            path: '/v2/service',
            query: [['Action', 'DescribeServices']],
            body: { runStatus, maxKeys: 100, ...(marker !== undefined ? { marker } : {}) },
          }),
        ),
      (s) => str(s.serviceId),
    );
    if (!listing.complete) ctx.incomplete(listing);
    for (const service of listing.items) {
      const ids = { service_id: str(service.serviceId)! };
      const billing = billingOf(service);
      const charging = [billing?.chargeType, billing?.payType].filter(Boolean).join(' ');
      ctx.emit({
        ids,
        name: str(service.name),
        createdAt: str(service.createTime),
        status: readService(service),
        stopArgs: ids,
        resources: {
          instances: countOf(asObject(service.resourceConfig), 'replicasCount'),
          charging: charging || undefined,
        },
        notice: holdsPostpaidUnits(billing)
          ? 'Deactivating does not release its post-paid compute units, which stay billed until released.'
          : undefined,
      });
    }
  },
};

/** result.serviceList, else the first list inside result (its name is UNVERIFIED). */
function servicesPage(body: unknown): MarkerPage {
  const result = asObject(asObject(body)?.result);
  const key =
    result && !('serviceList' in result) ? Object.keys(result).find((k) => Array.isArray(result[k])) : undefined;
  return markerPage(body, key ?? 'serviceList', 'DescribeServices');
}

export default discovery;
