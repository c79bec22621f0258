// How the V8 heap may grow in this process. A server answers small requests for hours: V8's defaults (young
// generation growing to 16 MB semi-spaces, the old generation to several times what is live before a full GC) are
// made for throughput, and left the server at about 135 MB after 5,000 stop calls with 16 MB live. These flags are
// read by V8 each time it sizes a space, so setting them at run time takes effect (measured in docs/performance.md):
// the young generation stays at its 1 MB start, and the old generation is collected once it is 20 % over what was
// live after the last full GC.
import { setFlagsFromString } from 'node:v8';

export const HEAP_FLAGS = ['--semi-space-growth-factor=1', '--heap-growing-percent=20'];

export function limitHeapGrowth(): void {
  for (const flag of HEAP_FLAGS) setFlagsFromString(flag);
}
