/**
 * The panel's view model: a Report turned into the sections the panel shows, as plain data (labels and values,
 * never a secret: the Report holds none, and raw environment values are not read here). Pure, so jest tests it.
 */
import type { Finding, Severity } from '../../core/finding';
import type { AwsFileStatus, DockerStatus, Report, StorageProvider } from '../../core/report';
import type { Verdict } from '../../core/verdict';

export type Tone = 'ok' | 'warning' | 'error' | 'info' | 'neutral';

export interface Row {
  readonly label: string;
  readonly value: string;
  readonly tone: Tone;
}

export interface VerdictView {
  readonly ready: boolean;
  readonly headline: string;
  readonly fix: string | null;
  readonly counts: string;
}

export interface RegistryView {
  readonly host: string;
  /** The auths key when it differs from the host (an https:// URL, a Hub alias). */
  readonly key: string | null;
  readonly username: string;
  readonly valid: boolean;
  readonly note: string;
}

export interface ImageView {
  readonly image: string;
  readonly tone: Tone;
  readonly message: string;
}

export interface DockerView {
  readonly path: string;
  readonly state: Row;
  readonly registries: readonly RegistryView[];
  readonly helperWarnings: readonly string[];
  readonly image: ImageView | null;
}

export interface StorageView {
  readonly minioDefault: string;
  readonly credentialsFile: Row;
  readonly profiles: readonly string[];
  readonly selectedProfile: string;
  readonly variables: readonly Row[];
  readonly providers: readonly { readonly provider: StorageProvider; readonly usable: boolean }[];
}

export interface AlternativeView {
  readonly title: string;
  readonly snippet: string;
}

export interface FindingGroup {
  readonly severity: Severity;
  readonly title: string;
  readonly findings: readonly Finding[];
}

export interface PanelSections {
  readonly verdict: VerdictView;
  readonly docker: DockerView;
  readonly storage: StorageView;
  readonly alternatives: readonly AlternativeView[];
  readonly findings: readonly FindingGroup[];
}

const DOCKER_STATE: Record<DockerStatus, [string, Tone]> = {
  ok: ['found', 'ok'],
  missing: ['missing', 'error'],
  empty: ['empty', 'error'],
  invalid_json: ['not valid JSON', 'error'],
  trailing_data: ['data after the JSON value', 'error'],
  bom: ['starts with a byte order mark', 'error'],
  not_object: ['not a JSON object', 'error'],
  not_a_file: ['not a regular file', 'error'],
  unreadable: ['cannot be read', 'error'],
  too_large: ['over 8 MiB, not read', 'warning'],
};

const AWS_FILE_STATE: Record<AwsFileStatus, [string, Tone]> = {
  ok: ['found', 'ok'],
  missing: ['missing (optional)', 'neutral'],
  empty: ['empty', 'warning'],
  parse_error: ['cannot be parsed', 'error'],
  not_a_file: ['not a regular file', 'warning'],
  unreadable: ['cannot be read', 'warning'],
  too_large: ['over 8 MiB, not read', 'error'],
};

const ALL_PROVIDERS: readonly StorageProvider[] = [
  'DefaultMinioConfigurationProvider.default()',
  'S3ConfigurationProvider.default()',
  'S3ConfigurationProvider.from_env()',
];

const GROUP_TITLES: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Notes' };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function verdictView(verdict: Verdict): VerdictView {
  const counts =
    verdict.errors === 0 && verdict.warnings === 0
      ? 'no problems found'
      : `${plural(verdict.errors, 'error')}, ${plural(verdict.warnings, 'warning')}`;
  return { ready: verdict.ready, headline: verdict.headline, fix: verdict.firstFix, counts };
}

function imageView(report: Report): ImageView | null {
  const lookup = report.docker.lookups[0];
  if (!lookup) return null;
  if (lookup.key === null)
    return { image: lookup.image, tone: 'error', message: 'not a valid image reference' };
  if (lookup.matchedEntry === 'AMBIGUOUS')
    return {
      image: lookup.image,
      tone: 'warning',
      message: `two entries of config.json could serve ${lookup.key}; which one is used is not defined`,
    };
  if (lookup.matchedEntry === null)
    return {
      image: lookup.image,
      tone: report.docker.status === 'ok' ? 'error' : 'neutral',
      message: `config.json holds no credentials for ${lookup.key}`,
    };
  const entry = report.docker.registries.find((r) => r.key === lookup.matchedEntry);
  if (entry && !entry.valid)
    return {
      image: lookup.image,
      tone: 'error',
      message: `config.json has an entry for ${lookup.key}, but its auth is not valid`,
    };
  return {
    image: lookup.image,
    tone: 'ok',
    message: `config.json holds credentials for ${lookup.key}${entry?.username ? ` (user ${entry.username})` : ''}`,
  };
}

function dockerView(report: Report): DockerView {
  const [state, tone] = DOCKER_STATE[report.docker.status];
  return {
    path: report.docker.path,
    state: { label: 'config.json', value: state, tone },
    registries: report.docker.registries.map((r) => ({
      host: r.host,
      key: r.key !== r.host ? r.key : null,
      username: r.username ?? '(no username)',
      valid: r.valid,
      note: !r.valid ? 'auth is not valid' : r.hasPassword ? 'password set' : 'no password',
    })),
    helperWarnings: report.findings.filter((f) => f.code.startsWith('DOCKER_CRED')).map((f) => f.message),
    image: imageView(report),
  };
}

function setOrNot(value: boolean | null): string {
  return value ? 'set (hidden)' : 'not set';
}

function storageVariables(report: Report): Row[] {
  const env = report.storage.env;
  if (!env.present) return [];
  const rows: Row[] = [];
  const add = (label: string, value: string | null, tone: Tone = 'neutral') => {
    if (value !== null) rows.push({ label, value, tone });
  };
  add('AWS_ACCESS_KEY_ID', env.accessKeyId);
  rows.push({
    label: 'AWS_SECRET_ACCESS_KEY',
    value: setOrNot(env.hasSecret),
    tone: env.hasSecret ? 'ok' : 'warning',
  });
  if (env.hasSessionToken) rows.push({ label: 'AWS_SESSION_TOKEN', value: 'set (hidden)', tone: 'neutral' });
  add('AWS_REGION', env.region);
  add('S3_ENDPOINT', env.endpoint, env.endpointValid === false ? 'error' : 'neutral');
  add('S3_FORCE_PATH_STYLE', env.forcePathStyle === null ? null : String(env.forcePathStyle));
  add('S3_SIGNATURE_VERSION', env.signatureVersion);
  return rows;
}

function storageView(report: Report): StorageView {
  const file = report.storage.credentialsFile;
  const [state, tone] = AWS_FILE_STATE[file.status];
  return {
    minioDefault: report.configDefault.storageProvider,
    credentialsFile: { label: file.path, value: state, tone },
    profiles: file.profiles,
    selectedProfile: report.storage.selectedProfile,
    variables: storageVariables(report),
    providers: ALL_PROVIDERS.map((provider) => ({
      provider,
      usable: report.storage.usableProviders.includes(provider),
    })),
  };
}

/** Findings grouped by severity, errors first; empty groups left out. The Report's order is kept inside a group. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  return (['error', 'warning', 'info'] as const)
    .map((severity) => ({
      severity,
      title: GROUP_TITLES[severity],
      findings: findings.filter((f) => f.severity === severity),
    }))
    .filter((g) => g.findings.length > 0);
}

export function panelSections(report: Report, verdict: Verdict): PanelSections {
  return {
    verdict: verdictView(verdict),
    docker: dockerView(report),
    storage: storageView(report),
    alternatives: report.alternatives.map((a) => ({ title: a.title, snippet: a.snippet })),
    findings: groupFindings(report.findings),
  };
}
