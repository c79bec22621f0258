// How the V8 heap may grow in this process. Over stdio the server answers one client's calls for hours: V8's
// defaults (a young generation growing to 16 MB semi-spaces, an old one growing to several times what is live before
// a full collection) are made for throughput, and left it at about 140 MB after 5,000 stop calls with under 20 MB
// live. V8 reads these flags each time it sizes a space, so setting them at run time takes effect: the young
// generation stays at its 1 MB start, and the old one is collected once it is 20 % over what was live after the last
// full collection. Over HTTP, where one process serves many clients at once, garbage collection would then take a
// quarter of the CPU: the HTTP transport puts V8's defaults back (docs/performance.md has both measures).
// The HTTP client's parser (undici's llhttp) is WebAssembly; V8 compiles it with Liftoff and then, once it is hot,
// again with TurboFan, whose compilation of that one large state machine takes about 37 MB of malloc'd memory for a
// moment, which the C allocator keeps: about 7 MB of RSS after 5,000 calls. Over stdio it stays Liftoff code
// (--liftoff-only; parsing a small answer costs the same either way, within the bench's spread).
import { setFlagsFromString } from 'node:v8';

export const SMALL_HEAP_FLAGS = ['--semi-space-growth-factor=1', '--heap-growing-percent=20', '--liftoff-only'];
/** V8's own defaults of the same flags (node --v8-options). */
export const DEFAULT_HEAP_FLAGS = ['--semi-space-growth-factor=2', '--heap-growing-percent=0', '--no-liftoff-only'];

export function limitHeapGrowth(): void {
  for (const flag of SMALL_HEAP_FLAGS) setFlagsFromString(flag);
}

export function defaultHeapGrowth(): void {
  for (const flag of DEFAULT_HEAP_FLAGS) setFlagsFromString(flag);
}
