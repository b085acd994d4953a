import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { markdownTable, runAll, tally } from './w3c.js';
it('dump', async () => {
  const results = await runAll();
  writeFileSync('/tmp/conf/results.json', JSON.stringify(results, null, 1));
  console.log(markdownTable(results));
  console.log('tune', JSON.stringify(tally(results.filter((r) => !r.heldOut)).all));
  console.log('held', JSON.stringify(tally(results.filter((r) => r.heldOut)).all));
}, 600_000);
