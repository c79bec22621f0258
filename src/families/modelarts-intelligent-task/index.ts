// ModelArts intelligent tasks on a dataset (auto-labeling, pre-labeling, auto-grouping, one-click deployment).
import { defineFamily } from '../define.js';
import discovery from './discover.js';
import status, { STATES } from './status.js';
import stop from './stop.js';

export default defineFamily({
  id: 'modelarts_intelligent_task',
  provider: 'huaweicloud',
  stop,
  status,
  states: STATES,
  discovery,
});
