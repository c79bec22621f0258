// ModelArts Lite Servers (dev-servers): dedicated GPU/NPU servers, billed pay-per-use or by subscription.
import { defineFamily } from '../define.js';
import discovery from './discover.js';
import status, { STATES } from './status.js';
import stop from './stop.js';

export default defineFamily({
  id: 'modelarts_dev_server',
  provider: 'huaweicloud',
  stop,
  status,
  states: STATES,
  discovery,
});
