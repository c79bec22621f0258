import { asObject, str } from '../../core/json.js';
import { paramId } from '../../core/params.js';
import { defineStopTool } from '../../tools/define.js';
import status, { holdsPostpaidUnits } from './status.js';

const RELEASE =
  'Deactivating does not release its post-paid compute units, which stay billed until released: release them in the Qianfan console (Resource Management) or with the ReleaseComputeUnit API.';

export default defineStopTool({
  name: 'qianfan_stop_service',
  title: 'Stop (deactivate) a Qianfan service',
  provider: 'qianfan',
  description: [
    'Deactivate a Baidu Qianfan custom (private) service (DeactivateService), so it stops serving.',
    'Use when a custom model service is no longer needed.',
    'The stop is asynchronous: success means Qianfan accepted it (result.operation: true; false is a refusal); runStatus becomes Stopped. A service billed by post-paid compute units keeps them, and their bill, until they are released: result.notice passes on what Qianfan says. Confirm with qianfan_get_service.',
    'service_id starts with "svco-"; it is on the service list in the Qianfan console (Model Service > my services), or from list_running_tasks.',
  ].join('\n'),
  input: { service_id: paramId('Qianfan service id, e.g. svco-abcd1234.') },
  target: ({ service_id }) => ({ service_id }),
  status,
  confirmField: 'service_id',
  request: ({ service_id }) => ({
    method: 'POST',
    path: '/v2/service',
    query: [['Action', 'DeactivateService']],
    body: { serviceId: service_id },
    answers: {
      // result.operation: false is a 2xx that says the deactivation was not carried out (docs/providers-modern.md §Q4a).
      failure: (body) => {
        const result = asObject(body.result);
        if (result?.operation !== false) return undefined;
        return { code: 'OperationFalse', message: str(result.message) ?? 'Qianfan answered operation: false.' };
      },
    },
  }),
  notice: ({ answer, status: read }) => {
    const said = str(asObject(asObject(answer)?.result)?.message);
    if (said) return `Qianfan says: ${said} ${RELEASE}`;
    return holdsPostpaidUnits(read?.billing) ? RELEASE : undefined;
  },
});
