import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { runAll } from './w3c.js';
it('dump', async () => { writeFileSync('/tmp/conf/results.json', JSON.stringify(await runAll(), null, 1)); }, 600_000);
