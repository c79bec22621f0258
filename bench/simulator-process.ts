// The simulator in its own process, so the server under test and the direct baseline both reach it across a
// process boundary (in-process loopback would flatter the baseline). Prints its URL, serves until stdin closes.
import { startSimulator } from '../src/simulator/server.js';

const [ak = '', sk = ''] = process.argv.slice(2);
const sim = await startSimulator({ keys: { huaweicloud: {}, qianfan: { [ak]: sk } } });
process.stdout.write(`${sim.url}\n`);
process.stdin.resume();
process.stdin.on('end', () => void sim.close().then(() => process.exit(0)));
