// node:crypto, loaded on the first signature rather than at start-up (a session that only lists tools never signs).
// Synchronous on purpose: the signers stay pure, synchronous functions.
import { createRequire } from 'node:module';

type NodeCrypto = typeof import('node:crypto');
const load = createRequire(import.meta.url);
let crypto: NodeCrypto | undefined;

export function nodeCrypto(): NodeCrypto {
  return (crypto ??= load('node:crypto') as NodeCrypto);
}
