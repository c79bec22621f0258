// ModelArts real-time and batch services of the old (v1) inference API.
import { defineFamily } from '../define.js';
import discovery from './discover.js';
import status, { STATES } from './status.js';
import stop from './stop.js';

export default defineFamily({
  id: 'modelarts_service',
  provider: 'huaweicloud',
  stop,
  status,
  states: STATES,
  discovery,
});
