/**
 * `check`: contacts the registries and the storage endpoint with the credentials the SDK would use and says
 * exactly what each server answered. Runs only when asked (it contacts servers); loaded as its own chunk.
 */
import { outcomeLabel } from '../core/check/outcomeLabel';
import { DEFAULT_MINIO_ENDPOINT, DEFAULT_STORAGE_URI, DEFAULT_TIMEOUT_MS } from '../core/check/plan';
import type { StorageProviderChoice } from '../core/check/plan';
import { passed, type CheckResult } from '../core/check/types';
import { fixFor } from '../core/check/fixes';
import { runLiveChecks } from '../node/check/liveChecks';
import { parseArgs, UsageError } from './args';
import { CHECK_HELP } from './help';
import type { CliIo } from './main';
import { makeStyle, wantsColour, type Style } from './style';

const PROVIDERS: Readonly<Record<string, StorageProviderChoice>> = {
  minio: 'minio',
  s3: 's3',
  'from-env': 'env',
  env: 'env',
};

function single(values: ReadonlyMap<string, readonly string[]>, name: string): string | undefined {
  const given = values.get(name) ?? [];
  if (given.length > 1) throw new UsageError(`${name} may be given once`);
  return given[0];
}

function timeoutMs(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIMEOUT_MS;
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(seconds > 0) || seconds > 300) {
    throw new UsageError('--timeout takes a number of seconds, more than 0 and at most 300');
  }
  return Math.round(seconds * 1000);
}

function nonEmpty(env: NodeJS.ProcessEnv, name: string): string | null {
  const value = env[name];
  return value === undefined || value === '' ? null : value;
}

export async function runCheck(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, {
    booleans: ['--json', '--help', '-h'],
    values: [
      '--image',
      '--timeout',
      '--storage-provider',
      '--storage-uri',
      '--minio-endpoint',
      '--insecure-registry',
    ],
    positionals: true,
  });
  if (args.flags.has('--help') || args.flags.has('-h')) {
    io.stdout(CHECK_HELP);
    return 0;
  }
  args.positionals.forEach((word, i) => {
    if (word !== 'docker' && word !== 'storage') {
      throw new UsageError(`unknown check target at position ${i + 1} (docker or storage)`);
    }
  });
  const providerName = single(args.values, '--storage-provider');
  if (providerName !== undefined && !Object.prototype.hasOwnProperty.call(PROVIDERS, providerName)) {
    throw new UsageError('--storage-provider is one of minio, s3, from-env');
  }
  const limit = timeoutMs(single(args.values, '--timeout'));
  const everything = args.positionals.length === 0;
  const results = await runLiveChecks(io.env, {
    docker: everything || args.positionals.includes('docker'),
    storage: everything || args.positionals.includes('storage'),
    images: args.values.get('--image') ?? [],
    storageProvider: providerName === undefined ? 'minio' : PROVIDERS[providerName],
    storageUri: single(args.values, '--storage-uri') ?? DEFAULT_STORAGE_URI,
    minioEndpoint:
      single(args.values, '--minio-endpoint') ??
      nonEmpty(io.env, 'KAPTAIN_MINIO_ENDPOINT') ??
      DEFAULT_MINIO_ENDPOINT,
    timeoutMs: limit,
    insecureRegistries: args.values.get('--insecure-registry') ?? [],
  });

  if (args.flags.has('--json')) io.stdout(JSON.stringify({ checks: results }, null, 2) + '\n');
  else io.stdout(renderChecks(results, limit, makeStyle(wantsColour(io.stdoutIsTTY, io.env))));
  return results.every(passed) ? 0 : 1;
}

export function renderChecks(results: readonly CheckResult[], limitMs: number, style: Style): string {
  const lines = [style.bold(`Live checks (servers contacted now; at most ${limitMs / 1000} s each)`), ''];
  const targetWidth = Math.min(48, Math.max(...results.map((r) => r.target.length), 6));
  for (const r of results) {
    const ok = passed(r);
    const mark = ok ? style.green('✔') : style.red('✖');
    const outcome = outcomeLabel(r, ok ? style.green : style.red);
    lines.push(
      `${mark} ${r.kind.padEnd(6)} ${r.target.padEnd(targetWidth)}  ${outcome}  ${style.dim(`${r.ms} ms`)}`,
    );
    lines.push(`    ${r.detail}`);
    if (r.provider) lines.push(style.dim(`    with ${r.provider}`));
    const fix = fixFor(r);
    if (fix) lines.push(`    Fix: ${fix}`);
  }
  const failed = results.filter((r) => !passed(r)).length;
  lines.push(
    '',
    `${results.length} check${results.length === 1 ? '' : 's'}: ${results.length - failed} passed, ${failed} failed`,
  );
  return lines.join('\n') + '\n';
}
