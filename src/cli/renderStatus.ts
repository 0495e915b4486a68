/** Human text for `status`: the verdict first, then Docker, storage, certificate, alternatives and findings. */
import type { Finding } from '../core/finding';
import type { Report } from '../core/report';
import { verdictOf } from '../core/verdict';
import { severityMark, type Style } from './style';

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line ? prefix + line : line))
    .join('\n');
}

function renderVerdict(report: Report, style: Style): string[] {
  const verdict = verdictOf(report);
  const lines = [verdict.ready ? style.green(`✔ ${verdict.headline}`) : style.red(`✖ ${verdict.headline}`)];
  if (!verdict.ready && verdict.firstFix) lines.push(`  Fix: ${verdict.firstFix}`);
  return lines;
}

function renderDocker(report: Report, style: Style): string[] {
  const docker = report.docker;
  const lines = [style.bold('Docker'), `  ${docker.path}: ${docker.status}`];
  if (docker.dockerCliLoadOk === false) lines.push('  docker/cli would refuse to load this file');
  for (const r of docker.registries) {
    const who = r.username === null ? 'no username' : `user ${r.username}`;
    const state = r.valid
      ? r.hasPassword
        ? 'password set'
        : 'no password'
      : style.red('auth does not decode');
    lines.push(`  • ${r.host}  (${r.key})  ${who}, ${state}`);
  }
  if (docker.credsStore !== null) lines.push(`  credsStore: ${docker.credsStore}`);
  const helpers = Object.entries(docker.credHelpers ?? {});
  if (helpers.length > 0) lines.push(`  credHelpers: ${helpers.map(([h, s]) => `${h} → ${s}`).join(', ')}`);
  for (const l of docker.lookups) {
    const answer =
      l.key === null
        ? style.red('not a valid reference')
        : l.matchedEntry === null
          ? style.yellow(`no credentials for ${l.key}`)
          : l.matchedEntry === 'AMBIGUOUS'
            ? style.yellow(`several entries could serve ${l.key}`)
            : `served by ${l.matchedEntry}`;
    lines.push(`  image ${l.image}: ${answer}`);
  }
  return lines;
}

function renderStorage(report: Report, style: Style): string[] {
  const s = report.storage;
  const lines = [
    style.bold('Storage'),
    '  Config.default() uses the in-cluster MinIO (DefaultMinioConfigurationProvider)',
  ];
  const file = s.credentialsFile;
  const profiles = file.profiles.length > 0 ? `; profiles: ${file.profiles.join(', ')}` : '';
  lines.push(`  ${file.path}: ${file.status}${profiles}`);
  if (s.fileCredentials !== null) {
    const c = s.fileCredentials;
    lines.push(
      `  profile ${s.selectedProfile}: key ${c.accessKeyId}, secret ${c.hasSecret ? 'set' : 'missing'}` +
        (c.hasSessionToken ? ', session token set' : ''),
    );
  }
  const env = s.env;
  if (env.present) {
    const parts: string[] = [];
    if (env.accessKeyId !== null) parts.push(`AWS_ACCESS_KEY_ID=${env.accessKeyId}`);
    parts.push(`AWS_SECRET_ACCESS_KEY ${env.hasSecret ? 'set' : 'unset'}`);
    if (env.hasSessionToken) parts.push('AWS_SESSION_TOKEN set');
    if (env.region !== null) parts.push(`AWS_REGION=${JSON.stringify(env.region)}`);
    if (env.endpoint !== null) parts.push(`S3_ENDPOINT=${JSON.stringify(env.endpoint)}`);
    if (env.signatureVersion !== null)
      parts.push(`S3_SIGNATURE_VERSION=${JSON.stringify(env.signatureVersion)}`);
    if (env.forcePathStyle !== null) parts.push(`S3_FORCE_PATH_STYLE=${env.forcePathStyle}`);
    lines.push(`  environment: ${parts.join(', ')}`);
  } else {
    lines.push('  environment: no AWS_*/S3_* variables');
  }
  lines.push(`  usable: ${s.usableProviders.join(', ')}`);
  return lines;
}

function renderCertificate(report: Report, style: Style): string[] {
  const c = report.certificate;
  const details =
    c.status === 'ok' ? ` (${c.names.join(', ') || 'no names'}; valid until ${c.notAfter ?? 'unknown'})` : '';
  return [style.bold('Registry certificate'), `  ${c.path}: ${c.status}${details}`];
}

function renderAlternatives(report: Report, style: Style): string[] {
  if (report.alternatives.length === 0) return [];
  const lines = [style.bold('Alternatives')];
  report.alternatives.forEach((alt, i) => {
    lines.push(`  ${i + 1}. ${alt.title}`, indent(alt.snippet.trimEnd(), '     '));
  });
  return lines;
}

function renderFinding(f: Finding, style: Style): string[] {
  const where = f.location
    ? ` ${style.dim(`${f.location.file}:${f.location.line}:${f.location.column}`)}`
    : '';
  const lines = [
    `  ${severityMark(style, f.severity)} ${style.bold(f.code)} ${style.dim(f.subject)}${where}`,
  ];
  lines.push(`      ${f.message}`);
  if (f.fix) lines.push(`      Fix: ${f.fix}`);
  return lines;
}

/** The findings block on its own, for lint. */
export function renderFindingsBlock(findings: readonly Finding[], style: Style): string {
  return renderFindingList(findings, style).join('\n') + '\n';
}

function renderFindings(report: Report, style: Style): string[] {
  return renderFindingList(report.findings, style);
}

function renderFindingList(findings: readonly Finding[], style: Style): string[] {
  if (findings.length === 0) return [style.bold('Findings'), '  none'];
  const count = (sev: string) => findings.filter((f) => f.severity === sev).length;
  const header = `Findings (${count('error')} errors, ${count('warning')} warnings, ${count('info')} info)`;
  return [style.bold(header), ...findings.flatMap((f) => renderFinding(f, style))];
}

export function renderStatus(report: Report, style: Style): string {
  const sections = [
    renderVerdict(report, style),
    renderDocker(report, style),
    renderStorage(report, style),
    renderCertificate(report, style),
    renderAlternatives(report, style),
    renderFindings(report, style),
  ].filter((s) => s.length > 0);
  return sections.map((s) => s.join('\n')).join('\n\n') + '\n';
}
