// Qianfan custom (private) services: deactivating stops serving; post-paid compute units bill until released.
import { defineFamily } from '../define.js';
import discovery from './discover.js';
import status, { STATES } from './status.js';
import stop from './stop.js';

export default defineFamily({ id: 'qianfan_service', provider: 'qianfan', stop, status, states: STATES, discovery });
