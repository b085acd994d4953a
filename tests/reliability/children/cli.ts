/** Child process: the storyfeed CLI from the current sources (`node cli.mjs build …`), for tests that need their own TZ and locale. */
import { runCli } from '../../../src/cli/main.js';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
});
