/** Entry point of the CLI bundle (dist/cli.bundle.js, run by the dist/cli.js loader). */
import { isTerminal, writeAll } from '../node/stdio';
import { runCli } from './main';

declare const __VERSION__: string;

void runCli(process.argv.slice(2), {
  stdout: (text) => writeAll(1, text),
  stderr: (text) => writeAll(2, text),
  env: process.env,
  stdoutIsTTY: isTerminal(1),
  version: typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0',
}).then((code) => {
  process.exitCode = code;
});
