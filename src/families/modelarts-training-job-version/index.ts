// ModelArts v1 training job versions (the historical training API).
import { defineFamily } from '../define.js';
import discovery from './discover.js';
import status, { STATES } from './status.js';
import stop from './stop.js';

export default defineFamily({
  id: 'modelarts_training_job_version',
  provider: 'huaweicloud',
  stop,
  status,
  states: STATES,
  discovery,
});
