/** The Node reader never throws and never reads past its limit. */
import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { readFileState } from '../../src/node/readFileState';
import { readSnapshot } from '../../src/node/readSnapshot';
import { makeTempHome, type TempHome } from '../support/tempHome';

describe('readFileState', () => {
  let home: TempHome;
  beforeEach(() => {
    home = makeTempHome();
  });
  afterEach(() => home.remove());

  test('a regular file gives its bytes', () => {
    const file = home.write('a', 'hello');
    const state = readFileState(file);
    expect(state.kind).toBe('file');
    expect(state.kind === 'file' && Buffer.from(state.bytes).toString()).toBe('hello');
  });

  test('missing, a missing parent, a file as a parent and a broken symlink are all missing', () => {
    const file = home.write('plain', 'x');
    symlinkSync(home.path('nowhere'), home.path('dangling'));
    for (const p of [home.path('nope'), home.path('no/such/file'), `${file}/child`, home.path('dangling')]) {
      expect(readFileState(p)).toEqual({ kind: 'missing' });
    }
  });

  test('a directory, a FIFO and a device are not files', () => {
    home.mkdir('dir');
    execFileSync('mkfifo', [home.path('fifo')]);
    expect(readFileState(home.path('dir'))).toEqual({ kind: 'not_a_file' });
    expect(readFileState(home.path('fifo'))).toEqual({ kind: 'not_a_file' });
    expect(readFileState('/dev/zero')).toEqual({ kind: 'not_a_file' });
  });

  test('over the limit is too_large and not read; at the limit it is read', () => {
    const file = home.write('big', new Uint8Array(101));
    expect(readFileState(file, 100)).toEqual({ kind: 'too_large', size: 101 });
    const edge = home.write('edge', new Uint8Array(100));
    const state = readFileState(edge, 100);
    expect(state.kind === 'file' && state.bytes.length).toBe(100);
  });
});

describe('readSnapshot', () => {
  test('gathers HOME, only the relevant variables, and every path the engine asks for', () => {
    const home = makeTempHome();
    try {
      home.write('.docker/config.json', '{}');
      const snapshot = readSnapshot(
        {
          HOME: home.dir,
          AWS_REGION: 'eu-west-1',
          S3_ENDPOINT: 'http://x',
          SHELL: '/bin/sh',
          DOCKER_CONFIG: '/etc/d',
        },
        42,
      );
      expect(snapshot.home).toBe(home.dir);
      expect(snapshot.nowMs).toBe(42);
      expect(snapshot.env).toEqual({
        HOME: home.dir,
        AWS_REGION: 'eu-west-1',
        S3_ENDPOINT: 'http://x',
        DOCKER_CONFIG: '/etc/d',
      });
      expect(Object.keys(snapshot.files).sort()).toEqual(
        [
          `${home.dir}/.aws/credentials`,
          `${home.dir}/.docker/config.json`,
          `${home.dir}/.tls/certificate.crt`,
          '/etc/d/config.json',
        ].sort(),
      );
      expect(snapshot.files[`${home.dir}/.docker/config.json`].kind).toBe('file');
    } finally {
      home.remove();
    }
  });
});
