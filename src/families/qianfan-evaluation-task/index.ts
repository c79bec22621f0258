// Qianfan automatic model evaluations.
import { defineFamily } from '../define.js';
import discovery from './discover.js';
import status, { STATES } from './status.js';
import stop from './stop.js';

export default defineFamily({
  id: 'qianfan_evaluation_task',
  provider: 'qianfan',
  stop,
  status,
  states: STATES,
  discovery,
});
