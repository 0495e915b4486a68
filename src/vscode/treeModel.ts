/**
 * The credentials view as plain data: the Report (which holds no secret) mapped to nodes. Pure and free of the
 * `vscode` module, so it is unit-tested directly; treeProvider.ts turns nodes into TreeItems.
 */
import type { Finding, Severity } from '../core/finding';
import type {
  Alternative,
  AwsFileStatus,
  CertificateStatus,
  DockerStatus,
  ImageLookup,
  RegistryEntry,
  Report,
} from '../core/report';
import type { Verdict } from '../core/verdict';
import { COMMANDS, VERDICT_CONTEXT } from './ids';

/** How a node is coloured: mapped to ThemeColors by the adapter. */
export type Tone = 'ok' | 'error' | 'warning' | 'info' | 'neutral';

export interface NodeCommand {
  readonly command: string;
  readonly title: string;
  readonly args?: readonly unknown[];
}

export interface TreeNode {
  /** Unique and stable across refreshes, so VS Code keeps what the user expanded. */
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  /** Plain text (never Markdown: hosts and usernames are not ours to render). */
  readonly tooltip?: string;
  /** A codicon id (ThemeIcon). */
  readonly icon?: string;
  readonly tone?: Tone;
  /** For `view/item/context` menus: `alternative` nodes get "Insert Config snippet", `verdict` the check. */
  readonly contextValue?: string;
  readonly children?: readonly TreeNode[];
  /** Expanded when first shown; ignored for leaves. */
  readonly expanded?: boolean;
  readonly command?: NodeCommand;
  /** The Python of an alternative, for the insert command. */
  readonly snippet?: string;
}

/** `~/.docker/config.json` for paths under the home: shorter labels, the full path in the tooltip. */
export function displayPath(path: string, home: string): string {
  const base = home.replace(/\/+$/, '');
  return base !== '' && path.startsWith(`${base}/`) ? `~${path.slice(base.length)}` : path;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function severityCounts(findings: readonly Finding[]): string {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const parts = [
    count('error') > 0 ? plural(count('error'), 'error') : '',
    count('warning') > 0 ? plural(count('warning'), 'warning') : '',
    count('info') > 0 ? `${count('info')} info` : '',
  ].filter((p) => p !== '');
  return parts.length > 0 ? parts.join(', ') : 'none';
}

const SEVERITY_ICON: Record<Severity, { icon: string; tone: Tone }> = {
  error: { icon: 'error', tone: 'error' },
  warning: { icon: 'warning', tone: 'warning' },
  info: { icon: 'info', tone: 'info' },
};

export function severityIcon(severity: Severity): { icon: string; tone: Tone } {
  return SEVERITY_ICON[severity];
}

/** Nothing the SDK could use was found at all: the view then shows its welcome content instead. */
export function nothingFound(report: Report): boolean {
  return (
    report.docker.status === 'missing' &&
    report.storage.credentialsFile.status === 'missing' &&
    !report.storage.env.present &&
    report.certificate.status === 'missing'
  );
}

function verdictNode(report: Report, verdict: Verdict): TreeNode {
  const children: TreeNode[] = [];
  if (!verdict.ready && verdict.firstFix) {
    children.push({
      id: 'verdict/fix',
      label: `Fix: ${verdict.firstFix}`,
      icon: 'lightbulb',
      tooltip: verdict.firstFix,
    });
  }
  children.push(
    {
      id: 'verdict/docker',
      label: 'Docker',
      description: report.configDefault.dockerProvider,
      icon: verdict.ready ? 'pass' : 'error',
      tone: verdict.ready ? 'ok' : 'error',
      tooltip: report.configDefault.reason,
    },
    {
      id: 'verdict/storage',
      label: 'Storage',
      description: report.configDefault.storageProvider,
      icon: 'database',
      tooltip: 'Config.default() always uses the in-cluster MinIO; see Alternatives for other storage.',
    },
  );
  const counts = severityCounts(report.findings);
  return {
    // The id changes with the answer: VS Code keeps a node's expansion by id, and a failure must open.
    id: verdict.ready ? 'verdict' : 'verdict/failing',
    label: verdict.headline,
    description: counts === 'none' ? undefined : counts,
    icon: verdict.ready ? (verdict.errors > 0 ? 'warning' : 'pass') : 'error',
    tone: verdict.ready ? (verdict.errors > 0 ? 'warning' : 'ok') : 'error',
    tooltip: [
      verdict.headline,
      report.configDefault.reason,
      verdict.firstFix ? `Fix: ${verdict.firstFix}` : '',
    ]
      .filter((l) => l !== '')
      .join('\n'),
    // Carries the inline Check credentials action.
    contextValue: VERDICT_CONTEXT,
    children,
    expanded: !verdict.ready,
  };
}

const DOCKER_STATUS: Record<DockerStatus, string> = {
  ok: 'found',
  missing: 'missing',
  empty: 'empty',
  invalid_json: 'not valid JSON',
  trailing_data: 'data after its JSON value',
  bom: 'starts with a byte order mark',
  not_object: 'not a JSON object',
  not_a_file: 'not a regular file',
  unreadable: 'cannot be read',
  too_large: 'too large',
};

function registryNode(r: RegistryEntry, i: number): TreeNode {
  const who = r.username === null ? 'no username' : r.username;
  const state = !r.valid ? 'auth does not decode' : r.hasPassword ? 'password set' : 'no password';
  return {
    id: `docker/registry/${i}`,
    label: r.host,
    description: `${who} · ${state}`,
    icon: 'account',
    tone: r.valid ? (r.hasPassword ? 'ok' : 'warning') : 'error',
    tooltip: [
      `config.json entry "${r.key}"`,
      `registry ${r.host}`,
      `username: ${r.username ?? '(none)'}`,
      r.valid
        ? `password: ${r.hasPassword ? 'set' : 'not set'}`
        : 'auth: does not decode (docker/cli refuses the file)',
    ].join('\n'),
  };
}

function lookupNode(l: ImageLookup, i: number): TreeNode {
  const answer =
    l.key === null
      ? { text: 'not a valid image reference', tone: 'error' as Tone }
      : l.matchedEntry === null
        ? { text: `no credentials for ${l.key}`, tone: 'warning' as Tone }
        : l.matchedEntry === 'AMBIGUOUS'
          ? { text: `several entries could serve ${l.key}`, tone: 'warning' as Tone }
          : { text: `served by ${l.matchedEntry}`, tone: 'ok' as Tone };
  return {
    id: `docker/image/${i}`,
    label: `image ${l.image}`,
    description: answer.text,
    icon: 'package',
    tone: answer.tone,
    tooltip: `Model(image_name="${l.image}"): ${answer.text}`,
    command: { command: COMMANDS.checkImage, title: 'Check image credentials', args: [l.image] },
  };
}

const CERTIFICATE_STATUS: Record<CertificateStatus, string> = {
  ok: 'valid',
  missing: 'none (optional)',
  invalid: 'not a PEM certificate',
  not_a_file: 'not a regular file',
  unreadable: 'cannot be read',
  too_large: 'too large',
};

function certificateNode(report: Report): TreeNode {
  const c = report.certificate;
  const details =
    c.status === 'ok' ? `${c.names.join(', ') || 'no names'}; valid until ${c.notAfter ?? 'unknown'}` : '';
  return {
    id: 'docker/certificate',
    label: displayPath(c.path, report.home),
    description: details ? `${CERTIFICATE_STATUS[c.status]} · ${details}` : CERTIFICATE_STATUS[c.status],
    icon: c.status === 'ok' ? 'verified' : c.status === 'missing' ? 'circle-slash' : 'error',
    tone: c.status === 'ok' ? 'ok' : c.status === 'missing' ? 'neutral' : 'error',
    tooltip: `Private registry certificate ${c.path}: ${CERTIFICATE_STATUS[c.status]}${details ? `\n${details}` : ''}`,
  };
}

function dockerNode(report: Report, image: string): TreeNode {
  const d = report.docker;
  const children: TreeNode[] = [
    {
      id: 'docker/file',
      label: displayPath(d.path, report.home),
      description:
        DOCKER_STATUS[d.status] + (d.dockerCliLoadOk === false ? ' · docker/cli would refuse it' : ''),
      icon: d.status === 'ok' ? (d.dockerCliLoadOk === false ? 'warning' : 'file') : 'error',
      tone: d.status === 'ok' ? (d.dockerCliLoadOk === false ? 'warning' : 'neutral') : 'error',
      tooltip: `${d.path}: ${DOCKER_STATUS[d.status]}`,
    },
  ];
  d.registries.forEach((r, i) => children.push(registryNode(r, i)));
  if (d.status === 'ok' && d.registries.length === 0) {
    children.push({
      id: 'docker/no-registries',
      label: 'No registry entries (auths)',
      icon: 'warning',
      tone: 'warning',
    });
  }
  if (d.credsStore !== null) {
    children.push({ id: 'docker/credsStore', label: 'credsStore', description: d.credsStore, icon: 'lock' });
  }
  for (const [host, helper] of Object.entries(d.credHelpers ?? {})) {
    children.push({
      id: `docker/credHelper/${host}`,
      label: `credHelper ${host}`,
      description: helper,
      icon: 'lock',
    });
  }
  if (d.lookups.length > 0) d.lookups.forEach((l, i) => children.push(lookupNode(l, i)));
  else if (image === '') {
    children.push({
      id: 'docker/image/unset',
      label: 'image: not set',
      description: 'set kaptainCredentials.image to check it',
      icon: 'package',
      tooltip:
        'The image the SDK will push (Model(image_name=...)): the view says which config.json entry serves it.',
      command: {
        command: 'workbench.action.openSettings',
        title: 'Open settings',
        args: ['kaptainCredentials.image'],
      },
    });
  }
  children.push(certificateNode(report));
  return {
    id: 'docker',
    label: 'Docker',
    description: `config.json ${DOCKER_STATUS[d.status]}${d.registries.length > 0 ? ` · ${d.registries.length} ${d.registries.length === 1 ? 'registry' : 'registries'}` : ''}`,
    icon: 'package',
    children,
    expanded: true,
  };
}

const AWS_FILE_STATUS: Record<AwsFileStatus, string> = {
  ok: 'found',
  missing: 'missing',
  empty: 'empty',
  parse_error: 'botocore cannot parse it',
  not_a_file: 'not a regular file',
  unreadable: 'cannot be read',
  too_large: 'too large',
};

function credentialsFileNode(report: Report): TreeNode {
  const s = report.storage;
  const file = s.credentialsFile;
  const profiles: TreeNode[] = file.profiles.map((name, i) => {
    const selected = name === s.selectedProfile;
    const c = selected ? s.fileCredentials : null;
    return {
      id: `storage/file/profile/${i}`,
      label: `[${name}]`,
      description:
        c !== null
          ? `selected · key ${c.accessKeyId} · secret ${c.hasSecret ? 'set' : 'missing'}${c.hasSessionToken ? ' · session token set' : ''}`
          : selected
            ? 'selected'
            : undefined,
      icon: 'symbol-namespace',
      tone: c !== null ? (c.hasSecret ? 'ok' : 'error') : 'neutral',
    };
  });
  const bad = file.status === 'parse_error' || file.status === 'unreadable' || file.status === 'too_large';
  return {
    id: 'storage/file',
    label: displayPath(file.path, report.home),
    description:
      AWS_FILE_STATUS[file.status] +
      (file.profiles.length > 0 ? ` · ${plural(file.profiles.length, 'profile')}` : ''),
    icon: bad ? 'error' : file.status === 'ok' ? 'file' : 'circle-slash',
    tone: bad ? 'error' : 'neutral',
    tooltip: `${file.path}: ${AWS_FILE_STATUS[file.status]} (read with botocore's configparser rules)`,
    children: profiles,
    expanded: true,
  };
}

function envNode(report: Report): TreeNode {
  const env = report.storage.env;
  const vars: TreeNode[] = [];
  const add = (name: string, value: string, tone: Tone = 'neutral') =>
    vars.push({ id: `storage/env/${name}`, label: name, description: value, icon: 'symbol-variable', tone });
  if (env.accessKeyId !== null) add('AWS_ACCESS_KEY_ID', env.accessKeyId);
  if (env.hasSecret !== null)
    add('AWS_SECRET_ACCESS_KEY', env.hasSecret ? 'set' : 'not set', env.hasSecret ? 'ok' : 'error');
  if (env.hasSessionToken) add('AWS_SESSION_TOKEN', 'set');
  if (env.region !== null) add('AWS_REGION', env.region);
  if (env.endpoint !== null) {
    add(
      'S3_ENDPOINT',
      env.endpoint + (env.endpointValid === false ? ' · not a URL' : ''),
      env.endpointValid === false ? 'error' : 'neutral',
    );
  }
  if (env.signatureVersion !== null) add('S3_SIGNATURE_VERSION', env.signatureVersion);
  if (env.forcePathStyle !== null) add('S3_FORCE_PATH_STYLE', String(env.forcePathStyle));
  return {
    id: 'storage/env',
    label: 'Environment',
    description: env.present ? plural(vars.length, 'variable') : 'no AWS_*/S3_* variables',
    icon: 'symbol-variable',
    tooltip:
      "AWS_* and S3_* variables of this window's environment (what S3ConfigurationProvider.from_env() reads). Secrets are only said to be set; the access key ID is masked.",
    children: vars,
    expanded: true,
  };
}

function storageNode(report: Report): TreeNode {
  const s = report.storage;
  const providers: TreeNode[] = s.usableProviders.map((p) => ({
    id: `storage/provider/${p}`,
    label: p,
    icon: 'pass',
    tone: 'ok',
  }));
  return {
    id: 'storage',
    label: 'Storage',
    description: `${plural(s.usableProviders.length, 'usable provider')}`,
    icon: 'database',
    expanded: true,
    children: [
      {
        id: 'storage/minio',
        label: 'Config.default() uses the in-cluster MinIO',
        description: 'DefaultMinioConfigurationProvider',
        icon: 'database',
        tooltip: 'DefaultMinioConfigurationProvider.default(): the in-cluster MinIO, no credentials needed.',
      },
      credentialsFileNode(report),
      envNode(report),
      {
        id: 'storage/providers',
        label: 'Usable providers',
        description: String(s.usableProviders.length),
        icon: 'checklist',
        children: providers,
        expanded: true,
      },
    ],
  };
}

function alternativeNode(a: Alternative, i: number): TreeNode {
  return {
    id: `alternatives/${i}`,
    label: a.title,
    description: `${a.dockerProvider} + ${a.storageProvider}`,
    icon: 'code',
    tooltip: a.snippet,
    contextValue: 'alternative',
    snippet: a.snippet,
  };
}

function alternativesNode(report: Report): TreeNode {
  const children = report.alternatives.map(alternativeNode);
  return {
    id: 'alternatives',
    label: 'Alternatives',
    description: children.length > 0 ? `${children.length}` : 'none usable',
    icon: 'symbol-method',
    tooltip:
      'Other ways to build a Config that would work here, each with its Python (right-click or the inline button inserts it).',
    children,
    expanded: false,
  };
}

export function findingNode(f: Finding, i: number): TreeNode {
  const { icon, tone } = severityIcon(f.severity);
  const children: TreeNode[] = f.fix
    ? [{ id: `findings/${i}/fix`, label: `Fix: ${f.fix}`, icon: 'lightbulb', tooltip: f.fix }]
    : [];
  return {
    id: `findings/${i}`,
    label: f.message,
    description: f.code,
    icon,
    tone,
    tooltip: [`${f.code} (${f.severity}) · ${f.subject}`, f.message, f.fix ? `Fix: ${f.fix}` : '']
      .filter((l) => l !== '')
      .join('\n'),
    children,
    expanded: false,
  };
}

function findingsNode(report: Report): TreeNode {
  return {
    id: 'findings',
    label: 'Findings',
    description: severityCounts(report.findings),
    icon: 'checklist',
    children: report.findings.map(findingNode),
    expanded: true,
  };
}

/** The whole view: the verdict first, then Docker, Storage, Alternatives and Findings. [] = welcome content. */
export function reportToTree(report: Report, verdict: Verdict, image = ''): TreeNode[] {
  if (nothingFound(report)) return [];
  return [
    verdictNode(report, verdict),
    dockerNode(report, image),
    storageNode(report),
    alternativesNode(report),
    findingsNode(report),
  ];
}
