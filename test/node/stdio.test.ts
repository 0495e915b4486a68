/** The CLI's output path: terminals are told apart from pipes, files and /dev/null; a closed pipe is no error. */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { isTerminal } from '../../src/node/stdio';
import { CLI } from '../support/runCli';
import { makeTempHome } from '../support/tempHome';

describe('isTerminal', () => {
  test('false for /dev/null, a file and a bad descriptor', () => {
    const home = makeTempHome();
    try {
      const devNull = openSync('/dev/null', 'w');
      const file = openSync(home.path('f'), 'w');
      expect(isTerminal(devNull)).toBe(false);
      expect(isTerminal(file)).toBe(false);
      closeSync(devNull);
      closeSync(file);
      expect(isTerminal(987654)).toBe(false);
    } finally {
      home.remove();
    }
  });
});

describe('the CLI on a terminal and on a closed pipe', () => {
  test('colour on a pseudo-terminal, none with NO_COLOR (util-linux script)', () => {
    const run = (noColor: boolean) =>
      spawnSync('script', ['-qec', `${process.execPath} ${CLI} status`, '/dev/null'], {
        env: {
          PATH: process.env.PATH ?? '',
          HOME: '/nonexistent-home',
          TERM: 'xterm',
          ...(noColor ? { NO_COLOR: '1' } : {}),
        },
        encoding: 'utf8',
      }).stdout;
    expect(run(false)).toContain('\u001b[31m✖ Model(...) will fail');
    const plain = run(true);
    expect(plain).toContain('✖ Model(...) will fail');
    expect(plain).not.toContain('\u001b[');
  });

  test('a reader that stops early (| head -1) ends the output quietly', () => {
    const result = spawnSync(
      'sh',
      ['-c', `${process.execPath} ${CLI} status --json | head -c 1; echo " exit=\${PIPESTATUS:-$?}"`],
      {
        env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent-home' },
        encoding: 'utf8',
      },
    );
    expect(result.stdout.startsWith('{')).toBe(true);
    expect(result.stderr).toBe('');
  });
});
