// Qianfan model compression tasks.
import { defineFamily } from '../define.js';
import discovery from './discover.js';
import status, { STATES } from './status.js';
import stop from './stop.js';

export default defineFamily({
  id: 'qianfan_model_compression_task',
  provider: 'qianfan',
  stop,
  status,
  states: STATES,
  discovery,
});
