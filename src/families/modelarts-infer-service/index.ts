// ModelArts inference services of the new inference API.
import { defineFamily } from '../define.js';
import discovery from './discover.js';
import status, { STATES } from './status.js';
import stop from './stop.js';

export default defineFamily({
  id: 'modelarts_infer_service',
  provider: 'huaweicloud',
  stop,
  status,
  states: STATES,
  discovery,
});
