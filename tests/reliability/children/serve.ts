/** Child process: serves a folder with the real `serveFolder` and prints `port N`. Arguments: ROOT. */
import { serveFolder } from '../../../src/node/serve.js';

const server = await serveFolder({ root: process.argv[2]!, port: 0 });
const address = server.address();
process.stdout.write(`port ${typeof address === 'object' && address ? address.port : 0}\n`);
