// Qianfan fine-tuning tasks (one training run of a fine-tuning job).
import { defineFamily } from '../define.js';
import discovery from './discover.js';
import status, { STATES } from './status.js';
import stop from './stop.js';

export default defineFamily({
  id: 'qianfan_fine_tuning_task',
  provider: 'qianfan',
  stop,
  status,
  states: STATES,
  discovery,
});
