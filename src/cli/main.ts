/** The CLI's dispatcher: parse, gather, run the engine, render. Returns the exit code; never throws. */
import { inspect } from '../core/inspect';
import { readSnapshot } from '../node/readSnapshot';
import { parseArgs, UsageError } from './args';
import { MAIN_HELP, STATUS_HELP } from './help';
import { renderStatus } from './renderStatus';
import { makeStyle, wantsColour } from './style';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly stdoutIsTTY: boolean;
  readonly version: string;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

function runStatus(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, {
    booleans: ['--json', '--help', '-h'],
    values: ['--image'],
    positionals: false,
  });
  if (args.flags.has('--help') || args.flags.has('-h')) {
    io.stdout(STATUS_HELP);
    return EXIT_OK;
  }
  const report = inspect(readSnapshot(io.env), { images: args.values.get('--image') ?? [] });
  if (args.flags.has('--json')) io.stdout(JSON.stringify(report, null, 2) + '\n');
  else io.stdout(renderStatus(report, makeStyle(wantsColour(io.stdoutIsTTY, io.env))));
  return report.findings.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

type Command = (argv: readonly string[], io: CliIo) => number | Promise<number>;

// `status` is the start-up path and stays in the main chunk; the others load their chunk (YAML library
// included) only when run.
const COMMANDS: Record<string, Command> = {
  status: runStatus,
  manifests: async (argv, io) =>
    (await import(/* webpackChunkName: "manifests" */ './manifestsCommand')).runManifests(argv, io),
  lint: async (argv, io) => (await import(/* webpackChunkName: "lint" */ './lintCommand')).runLint(argv, io),
  check: async (argv, io) =>
    (await import(/* webpackChunkName: "check" */ './checkCommand')).runCheck(argv, io),
};

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) {
      io.stderr(MAIN_HELP);
      return EXIT_USAGE;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      io.stdout(MAIN_HELP);
      return EXIT_OK;
    }
    if (command === '--version' || command === '-V') {
      io.stdout(`${io.version}\n`);
      return EXIT_OK;
    }
    const handler = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!handler) throw new UsageError('unknown command (see kaptain-credentials --help)');
    return await handler(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`kaptain-credentials: ${error.message}\n`);
      return EXIT_USAGE;
    }
    // An engine bug must not print input bytes: report the kind of error only.
    io.stderr(
      `kaptain-credentials: internal error (${(error as Error)?.name ?? 'unknown'}); please report it\n`,
    );
    return 3;
  }
}
