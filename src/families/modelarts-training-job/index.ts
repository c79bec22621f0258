// ModelArts training jobs (the current training API).
import { defineFamily } from '../define.js';
import discovery from './discover.js';
import status, { STATES } from './status.js';
import stop from './stop.js';

export default defineFamily({
  id: 'modelarts_training_job',
  provider: 'huaweicloud',
  stop,
  status,
  states: STATES,
  discovery,
});
