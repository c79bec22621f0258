// ModelArts notebook instances (DevEnviron): compute billed while running, storage until deleted.
import { defineFamily } from '../define.js';
import discovery from './discover.js';
import status, { STATES } from './status.js';
import stop from './stop.js';

export default defineFamily({
  id: 'modelarts_notebook',
  provider: 'huaweicloud',
  stop,
  status,
  states: STATES,
  discovery,
});
