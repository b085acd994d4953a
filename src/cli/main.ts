import { Command, CommanderError, Option } from 'commander';
import { errorText, formatDiagnostic, formatProblem, PROBLEMS, StoryfeedError, type Diagnostic } from '../errors.js';
import { VERSION } from '../version.js';
import { DEPLOY_HELP } from './deploy-help.js';
import type { DeployFlags } from './deploy.js';
import { escapeControls, oneLine } from './terminal.js';

/** Where the CLI writes, so tests can capture it. */
export interface CliIo {
  /** Standard output. */
  out: (text: string) => void;
  /** Standard error. */
  err: (text: string) => void;
  /** Environment variables (`SOURCE_DATE_EPOCH`, `NO_COLOR`, …). */
  env: Record<string, string | undefined>;
  /** Working directory. */
  cwd: string;
  /** `true` when standard error is an interactive terminal (progress is shown only then). */
  isTTY?: boolean;
  /** Resolves when the user asks long-running commands (serve, --watch) to stop; default: SIGINT/SIGTERM. */
  untilStopped?: () => Promise<void>;
  /** Standard error for the CLI's own terminal control sequences (the progress line), written unescaped; default `err`. */
  control?: (text: string) => void;
  /** Standard input, for `verify -` (called only then); without it, `-` is a file of that name. */
  stdin?: () => AsyncIterable<Uint8Array>;
}

/** Exit codes: 0 success, 1 failed verification or bad input, 2 usage error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Runs the CLI with `argv` (without `node` and the script) and resolves to the exit code. */
export async function runCli(argv: readonly string[], raw: CliIo): Promise<number> {
  // Whatever a command prints, control characters from seeds, feeds and file names never reach the terminal.
  const io: CliIo = {
    ...raw,
    out: (text) => raw.out(escapeControls(text)),
    err: (text) => raw.err(escapeControls(text)),
    control: raw.control ?? raw.err,
  };
  const program = new Command('storyfeed')
    .description('Turn articles into verified RSS 2.0, Atom 1.0 and JSON Feed 1.1 feeds.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();
  // Whether the command run was given --json, once its flags are read (an error then goes to stdout as JSON too).
  let json: boolean | undefined;
  // An empty value (`--out ''`, `--site ''`, a file named '') is a mistake, never "use the default":
  // taken as unset it would build into the config's folder, or verify the current directory.
  // (deploy checks its own flags, every one at once; an empty prefix there is the bucket's root.)
  program.hook('preAction', (_program, command) => {
    json = command.opts().json === true;
    if (command.name() === 'deploy') return;
    for (const [key, value] of Object.entries(command.opts())) {
      if (typeof value === 'string' && value.trim() === '') {
        const flag = command.options.find((o) => o.attributeName() === key)?.long ?? key;
        throw new StoryfeedError('E_USAGE', `${flag} needs a value, found an empty one`);
      }
    }
    for (const arg of command.args) {
      if (arg.trim() === '') throw new StoryfeedError('E_USAGE', `${command.name()} was given an empty file or folder name`);
    }
  });
  let exitCode: number = EXIT.ok;
  const warn = (d: Diagnostic): void => io.err(`${oneLine(formatDiagnostic(d))}\n`);

  program
    .command('build')
    .description('Build RSS, Atom and JSON Feed from a folder of seeds, verify them, and write them atomically.')
    .argument('[seeds]', 'folder of .txt, .md and .json seeds (default: "seeds" from the config, else ./seeds)')
    .option('-o, --out <dir>', 'output folder (default: "out" from the config, else ./public)')
    .option('-s, --site <url>', 'site URL (overrides the config)')
    .option('-t, --title <title>', 'feed title (overrides the config)')
    .option('-c, --config <file>', 'configuration file (default: ./storyfeed.config.json or "storyfeed" in package.json)')
    .option('--keep-going', 'publish the good seeds when some cannot be read')
    .option('--dry-run', 'build and verify, but write nothing')
    .option('-w, --watch', 'rebuild when seeds or the configuration change')
    .option('--ping', 'notify the WebSub hub from the config after a successful build')
    .option('--no-cache', 'normalize every seed again instead of reusing unchanged ones from .storyfeed-cache')
    .option('--json', 'print a machine-readable summary')
    .option('-q, --quiet', 'print nothing but errors and warnings')
    .exitOverride()
    .action(async (seeds: string | undefined, opts: BuildFlags) => {
      // Commands load their modules on use, so --help and --version start at once.
      exitCode = await (await import('./build.js')).runBuild({ seeds, ...opts }, io, warn);
    });

  program
    .command('inspect')
    .description('Print the normalized Story of one seed.')
    .argument('<file>', 'a .txt, .md or .json seed')
    .option('--json', 'print the Story as JSON')
    .option('-s, --site <url>', 'site URL (overrides the config)')
    .option('-c, --config <file>', 'configuration file')
    .exitOverride()
    .action(async (file: string, opts: InspectFlags) => {
      exitCode = await (await import('./inspect.js')).runInspect(file, opts, io, warn);
    });

  program
    .command('serve')
    .description('Serve the output folder on a local address for a preview (correct feed types, ETag/304, gzip).')
    .argument('[dir]', 'folder to serve (default: "out" from the config, else ./public)')
    .option('-p, --port <port>', 'port (0 picks a free one)', '8080')
    .option('-H, --host <host>', 'address to listen on', '127.0.0.1')
    .option('-c, --config <file>', 'configuration file')
    .option('-q, --quiet', 'do not log requests')
    .exitOverride()
    .action(async (dir: string | undefined, opts: ServeFlags) => {
      exitCode = await (await import('./serve.js')).runServe(dir, opts, io);
    });

  program
    .command('init')
    .description('Write a commented starter configuration (storyfeed.config.mjs) and a seeds folder.')
    .option('-s, --site <url>', 'site URL')
    .option('-t, --title <title>', 'site title')
    .option('-f, --force', 'overwrite an existing configuration')
    .exitOverride()
    .action(async (opts: InitFlags) => {
      exitCode = await (await import('./init.js')).runInit(opts, io);
    });

  program
    .command('verify')
    .description('Check feeds (files or http(s) URLs) for well-formedness, spec problems and consistency.')
    .argument('<feeds...>', 'RSS, Atom or JSON Feed files or URLs (- reads standard input)')
    .option('--json', 'print a machine-readable report')
    .addOption(new Option('--timeout <ms>', 'give up on a URL after this many milliseconds').default('10000'))
    .addOption(new Option('--max-bytes <n>', 'refuse feeds larger than this').default(String(10 * 1024 * 1024)))
    .exitOverride()
    .action(async (feeds: string[], opts: VerifyFlags) => {
      exitCode = await (await import('./verify.js')).runVerify(feeds, opts, io);
    });

  program
    .command('deploy')
    .description('Publish the built output folder to an S3-compatible bucket (AWS S3, R2, B2, MinIO, Ceph, Swift): changed objects only, in reader-safe order.')
    .argument('[dir]', 'built output folder (default: "out" from the config, else ./public)')
    .option('-b, --bucket <name>', 'bucket (overrides deploy.bucket in the config)')
    .option('--prefix <prefix>', 'key prefix inside the bucket, e.g. feeds/')
    .option('--region <region>', 'region (default: AWS_REGION, else us-east-1)')
    .option('--endpoint <url>', 'endpoint of an S3-compatible store (omit for AWS S3)')
    .option('--path-style', 'address objects as ENDPOINT/BUCKET/KEY (MinIO, Ceph, Swift)')
    .option('--profile <name>', 'shared AWS profile to take credentials from')
    .option('--public-url <url>', 'public URL of the prefix (CDN), for WebSub topics (default: feedBaseUrl, else siteUrl)')
    .option('--cache-feeds <value>', 'Cache-Control of subscription feeds (default "public, max-age=300")')
    .option('--cache-archive <value>', 'Cache-Control of closed archive pages (default "public, max-age=31536000, immutable")')
    .option('--cache-other <value>', 'Cache-Control of the index page, stylesheet and other files (default "public, max-age=3600")')
    .option('--gzip', 'store text objects gzip-compressed with Content-Encoding: gzip')
    .option('--concurrency <n>', 'uploads in flight at once (default 8)')
    .option('--timeout <ms>', 'overall deadline of the deploy (default 600000)')
    .option('--dry-run', 'list what would be uploaded and deleted, change nothing')
    .option('--no-ping', 'do not notify the WebSub hub from the config of the changed feeds')
    .option('-c, --config <file>', 'configuration file')
    .option('--json', 'print a machine-readable summary')
    .option('-q, --quiet', 'print nothing but errors')
    .addHelpText('after', DEPLOY_HELP)
    .exitOverride()
    .action(async (dir: string | undefined, opts: DeployFlags) => {
      exitCode = await (await import('./deploy.js')).runDeploy(dir, opts, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return handleError(error, io, json ?? asksForJson(program, argv));
  }
}

/** Whether `argv` gives --json to a command that takes it (for errors met before the flags are read). */
function asksForJson(program: Command, argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  const args = end === -1 ? argv : argv.slice(0, end);
  const command = program.commands.find((c) => c.name() === args.find((a) => !a.startsWith('-')));
  return args.includes('--json') && (command?.options.some((o) => o.long === '--json') ?? false);
}

/** Flags of `build`. */
export interface BuildFlags {
  seeds?: string | undefined;
  out?: string;
  site?: string;
  title?: string;
  config?: string;
  keepGoing?: boolean;
  dryRun?: boolean;
  watch?: boolean;
  ping?: boolean;
  cache?: boolean;
  json?: boolean;
  quiet?: boolean;
}

/** Flags of `serve`. */
export interface ServeFlags {
  port: string;
  host: string;
  config?: string;
  quiet?: boolean;
}

/** Flags of `init`. */
export interface InitFlags {
  site?: string;
  title?: string;
  force?: boolean;
}

/** Flags of `inspect`. */
export interface InspectFlags {
  json?: boolean;
  site?: string;
  config?: string;
}

/** Flags of `verify`. */
export interface VerifyFlags {
  json?: boolean;
  timeout: string;
  maxBytes: string;
}

function handleError(error: unknown, io: CliIo, json: boolean): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
    // `help` asked for exits 0; the usage shown because no command was given (on stderr) is a usage error.
    if (error.code === 'commander.help') return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    // Commander has written its message to stderr already.
    if (json) io.out(errorJson(new StoryfeedError('E_USAGE', error.message.replace(/^error: /, ''))));
    return EXIT.usage;
  }
  if (json) io.out(errorJson(error));
  if (error instanceof StoryfeedError) {
    io.err(describeError(error));
    return error.code === 'E_USAGE' ? EXIT.usage : EXIT.failed;
  }
  const message = oneLine(errorText(error));
  io.err(`error: storyfeed failed unexpectedly: ${message} [E_INTERNAL]\n  fix: ${PROBLEMS.E_INTERNAL.fix}\n`);
  if (io.env.STORYFEED_DEBUG && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
  return EXIT.failed;
}

/**
 * A failed command's result for `--json`, on stdout, so a script reading it gets JSON on failure too:
 * `{ ok: false, error: { code, message, file, line, problems, fix } }` (the message without its place or code).
 */
export function errorJson(error: unknown): string {
  const e = error instanceof StoryfeedError ? error : new StoryfeedError('E_INTERNAL', `storyfeed failed unexpectedly: ${errorText(error)}`);
  const message = e.problems.length ? e.detail.split('\n')[0]!.replace(/:$/, '') : e.detail;
  const body = { code: e.code, message, file: e.file ?? null, line: e.line ?? null, problems: e.problems, fix: e.fix };
  return `${JSON.stringify({ ok: false, error: body }, null, 2)}\n`;
}

/** Formats a StoryfeedError for the terminal: the message, each listed problem, and the fix. */
export function describeError(error: StoryfeedError): string {
  // Each part on its own line, each made one line: a file name or quoted value cannot add lines of its own.
  const where = { ...(error.file !== undefined ? { file: error.file } : {}), ...(error.line !== undefined ? { line: error.line } : {}) };
  const head = error.problems.length ? error.detail.split('\n')[0]! : error.detail;
  const lines = [`error: ${oneLine(formatProblem(error.code, head, where))}`];
  for (const p of error.problems) lines.push(`  - ${oneLine(p)}`);
  lines.push(`  fix: ${error.fix}`);
  return `${lines.join('\n')}\n`;
}
