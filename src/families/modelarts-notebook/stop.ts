import { asObject } from '../../core/json.js';
import { paramId } from '../../core/params.js';
import type { HuaweiScope } from '../../providers/huaweicloud/client.js';
import { huaweiScopeShape } from '../../providers/huaweicloud/inputs.js';
import { apiPath } from '../../providers/request.js';
import { defineStopTool } from '../../tools/define.js';
import { ERROR_CODES } from './errors.js';
import status, { billingOf, storageNotice } from './status.js';

export default defineStopTool({
  name: 'modelarts_stop_notebook',
  title: 'Stop a ModelArts notebook',
  provider: 'huaweicloud',
  description: [
    'Stop a running Huawei Cloud ModelArts notebook instance (DevEnviron), e.g. one left running on GPUs.',
    'Use when a notebook sits idle or should not run any more. Only a running instance can be stopped.',
    'The stop is asynchronous: success means ModelArts accepted it (HTTP 200 or 201); the status goes through STOPPING to STOPPED. Stopping ends the compute charges, but the storage (EVS) stays billed until the notebook is deleted (result.notice says so). Confirm with modelarts_get_notebook.',
    "notebook_id is the instance id (a UUID) on the notebook's page in the ModelArts console (Development Environment > Notebook), or from list_running_tasks.",
  ].join('\n'),
  input: {
    notebook_id: paramId('ModelArts notebook instance id, e.g. 6e1d6a54-7b3f-4c1d-9a8e-2f3b4c5d6e7f.'),
    ...huaweiScopeShape,
  },
  target: ({ notebook_id }) => ({ notebook_id }),
  status,
  confirmField: 'notebook_id',
  request: ({ notebook_id }, { projectId }: HuaweiScope) => ({
    method: 'POST',
    path: apiPath`/v1/${projectId}/notebooks/${notebook_id}/stop`,
    answers: { codes: ERROR_CODES },
  }),
  notice: ({ answer, status: read }) => storageNotice(read?.billing ?? billingOf(asObject(answer))),
});
