/** Entry point of dist/cli.js. */
import { runCli } from './main';

declare const __VERSION__: string;

void runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  version: typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0',
}).then((code) => {
  process.exitCode = code;
});
