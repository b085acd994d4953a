#!/usr/bin/env node
import { runCli } from './cli/main.js';
import { errorText } from './errors.js';

runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  isTTY: process.stderr.isTTY === true,
  stdin: () => process.stdin,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`error: ${errorText(error)}\n`);
    process.exitCode = 1;
  },
);
