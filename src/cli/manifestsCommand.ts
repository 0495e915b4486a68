/** `manifests`: Secret and PodDefault YAML (or kubectl commands) for what the pod has or the user types. */
import type { Finding } from '../core/finding';
import { inspect } from '../core/inspect';
import {
  buildManifests,
  givenDockerSource,
  givenEnvSource,
  kubectlCommands,
  planSources,
  SOURCE_ORDER,
  toYamlStream,
  validateManifestOptions,
  type ManifestOptions,
  type ManifestSource,
  type SourceId,
} from '../core/manifests';
import { inspectFromEnvValues } from '../core/s3Env';
import { podNamespace } from '../node/podNamespace';
import { readSecretFromStdin } from '../node/readStdin';
import { readSnapshot } from '../node/readSnapshot';
import { writeSecretFile } from '../node/secretFile';
import { parseArgs, UsageError, type ParsedArgs } from './args';
import { MANIFESTS_HELP } from './help';
import type { CliIo } from './main';

const SELECTORS: Record<string, SourceId> = {
  '--docker': 'docker',
  '--aws-file': 'awsFile',
  '--aws-env': 'awsEnv',
  '--certificate': 'certificate',
};

const SOURCE_LABEL: Record<SourceId, string> = {
  docker: '~/.docker/config.json',
  awsFile: '~/.aws/credentials',
  awsEnv: 'the AWS_*/S3_* variables',
  certificate: '~/.tls/certificate.crt',
};

/** Typed, non-secret env values: flag → variable. */
const GIVEN_ENV_FLAGS: Record<string, string> = {
  '--aws-access-key-id': 'AWS_ACCESS_KEY_ID',
  '--aws-region': 'AWS_REGION',
  '--s3-endpoint': 'S3_ENDPOINT',
  '--s3-signature-version': 'S3_SIGNATURE_VERSION',
  '--s3-force-path-style': 'S3_FORCE_PATH_STYLE',
};

const VALUE_FLAGS = [
  '--namespace',
  '--name-prefix',
  '--home-dir',
  '--out',
  '--docker-server',
  '--docker-username',
  ...Object.keys(GIVEN_ENV_FLAGS),
];

function single(args: ParsedArgs, name: string): string | undefined {
  const values = args.values.get(name);
  if (values && values.length > 1) throw new UsageError(`${name} may be given once`);
  return values?.[0];
}

function describeFindings(findings: readonly Finding[]): string {
  return findings
    .map((f) => `  ${f.severity} ${f.code} (${f.subject}): ${f.message}${f.fix ? `\n    Fix: ${f.fix}` : ''}`)
    .join('\n');
}

interface GivenSources {
  readonly sources: ManifestSource[];
  readonly findings: Finding[];
}

function givenSources(args: ParsedArgs): GivenSources {
  const server = single(args, '--docker-server');
  const username = single(args, '--docker-username');
  const accessKey = single(args, '--aws-access-key-id');
  const dockerStdin = args.flags.has('--password-stdin');
  const awsStdin = args.flags.has('--aws-secret-access-key-stdin');
  if (dockerStdin && awsStdin)
    throw new UsageError(
      'stdin holds one secret: give --password-stdin or --aws-secret-access-key-stdin, not both',
    );
  const sources: ManifestSource[] = [];
  const findings: Finding[] = [];
  if (server !== undefined || username !== undefined || dockerStdin) {
    if (!server || !username || !dockerStdin) {
      throw new UsageError(
        'typed Docker credentials need --docker-server, --docker-username and --password-stdin (the password is never an argument)',
      );
    }
    const password = readSecretFromStdin();
    if (!password) throw new UsageError('--password-stdin: stdin held no password');
    sources.push(givenDockerSource({ server, username, password }));
  }
  const envFlags = Object.keys(GIVEN_ENV_FLAGS).filter((flag) => args.values.has(flag));
  if (envFlags.length > 0 || awsStdin) {
    if (accessKey === undefined || !awsStdin) {
      throw new UsageError(
        'typed AWS credentials need --aws-access-key-id and --aws-secret-access-key-stdin (the secret is never an argument)',
      );
    }
    const secret = readSecretFromStdin();
    if (!secret) throw new UsageError('--aws-secret-access-key-stdin: stdin held no secret');
    const values: Record<string, string> = {};
    for (const flag of envFlags) values[GIVEN_ENV_FLAGS[flag]] = single(args, flag) ?? '';
    values.AWS_SECRET_ACCESS_KEY = secret;
    findings.push(...inspectFromEnvValues(values, {}).findings.filter((f) => f.severity === 'error'));
    sources.push(givenEnvSource(values));
  }
  return { sources, findings };
}

export function runManifests(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, {
    booleans: [
      '--help',
      '-h',
      '--kubectl',
      '--force',
      '--password-stdin',
      '--aws-secret-access-key-stdin',
      ...Object.keys(SELECTORS),
    ],
    values: VALUE_FLAGS,
    positionals: false,
  });
  if (args.flags.has('--help') || args.flags.has('-h')) {
    io.stdout(MANIFESTS_HELP);
    return 0;
  }
  const namespace = single(args, '--namespace') ?? podNamespace();
  if (namespace === null)
    throw new UsageError(
      'no namespace: pass --namespace (outside a pod there is no namespace to default to)',
    );
  const options: ManifestOptions = {
    namespace,
    namePrefix: single(args, '--name-prefix') ?? '',
    homeDir: single(args, '--home-dir') ?? '/home/kubeflow',
  };
  const problems = validateManifestOptions(options);
  if (problems.length > 0) throw new UsageError(problems.join('; '));
  const force = args.flags.has('--force');
  const out = single(args, '--out');

  const given = givenSources(args);
  const givenIds = new Set(given.sources.map((s) => s.id));
  const selected = Object.keys(SELECTORS)
    .filter((f) => args.flags.has(f))
    .map((f) => SELECTORS[f]);
  if (selected.some((id) => givenIds.has(id)))
    throw new UsageError('a source cannot be both typed and read from the pod');
  if (args.flags.has('--kubectl') && givenIds.has('docker')) {
    throw new UsageError(
      '--kubectl refers to files and variables; for typed Docker credentials write the YAML (with --out)',
    );
  }
  const fromPod = selected.length > 0 ? selected : given.sources.length > 0 ? [] : [...SOURCE_ORDER];

  const snapshot = readSnapshot(io.env);
  const plan = planSources(snapshot, inspect(snapshot), fromPod, force);
  const refused = [...plan.refused];
  if (given.findings.length > 0 && !force) refused.push({ id: 'awsEnv', findings: given.findings });
  if (refused.length > 0) {
    for (const r of refused) {
      io.stderr(
        `kaptain-credentials: ${SOURCE_LABEL[r.id]} is broken, so no Secret is made from it:\n${describeFindings(r.findings)}\n`,
      );
    }
    io.stderr(
      'Fix the input, leave it out (select sources with --docker, --aws-file, --aws-env, --certificate), or pass --force.\n',
    );
    return 1;
  }
  const explicit = selected.filter((id) => plan.absent.includes(id));
  if (explicit.length > 0) {
    io.stderr(
      `kaptain-credentials: nothing to make a Secret from: ${explicit.map((id) => SOURCE_LABEL[id]).join(', ')} not present\n`,
    );
    return 1;
  }
  const sources = [...plan.sources, ...given.sources];
  if (sources.length === 0) {
    io.stderr(
      'kaptain-credentials: nothing to write: no config.json, credentials file, AWS_*/S3_* variable or certificate found\n',
    );
    return 1;
  }

  const kubectl = args.flags.has('--kubectl');
  const text = kubectl ? kubectlCommands(sources, options) : toYamlStream(buildManifests(sources, options));
  if (out !== undefined) {
    const written = writeSecretFile(out, text, force);
    if (!written.ok) {
      io.stderr(
        written.reason === 'exists'
          ? 'kaptain-credentials: the --out file exists; pass --force to overwrite it\n'
          : `kaptain-credentials: cannot write the --out file (${written.code ?? 'error'})\n`,
      );
      return 1;
    }
  } else {
    io.stdout(text);
  }
  if (!kubectl) {
    const where = out !== undefined ? 'the --out file (mode 0600)' : 'the output';
    io.stderr(
      `kaptain-credentials: ${where} holds credentials (${sources.length} Secret${sources.length === 1 ? '' : 's'}): keep it out of version control and logs.\n`,
    );
  }
  return 0;
}
