import { EXIT, type CliIo, type VerifyFlags } from './main.js';

/** `storyfeed verify FEED...`: placeholder until the verification module lands. */
export async function runVerify(feeds: string[], flags: VerifyFlags, io: CliIo): Promise<number> {
  void feeds;
  void flags;
  io.err('verify: not wired yet\n');
  return EXIT.failed;
}
