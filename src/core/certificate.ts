/**
 * $HOME/.tls/certificate.crt: what the SDK's DockerRegistryCertificateProvider.default() reads and hands on as
 * the CA/certificate of a private registry. It is optional, so a missing file raises nothing. Codes and their
 * semantics: docs/findings.md.
 */
import { startsWithUtf8Bom } from './bytes';
import { finding, type Finding } from './finding';
import { isDerSequenceOfLength } from './der';
import { decodeBase64, decodedLength, forEachPemBlock, pemText } from './pem';
import type { CertificateSection } from './report';
import type { FileState } from './snapshot';
import { parseCertificateDer, type CertificateInfo } from './x509';

/** A Kubernetes Secret holds at most 1 MiB (MaxSecretSize). */
export const CERTIFICATE_SECRET_LIMIT_BYTES = 1024 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;
export const EXPIRING_SOON_DAYS = 30;

export interface CertificateInput {
  readonly path: string;
  readonly file: FileState;
  /** The host's clock; the engine has none. */
  readonly nowMs: number;
}

export interface CertificateResult {
  readonly section: CertificateSection;
  readonly findings: Finding[];
}

/** What can be wrong with one CERTIFICATE block. */
type BlockCause = 'unterminated' | 'not_base64' | 'not_x509';

/** Why a file is not a usable PEM certificate; `index` is the 0-based CERTIFICATE block concerned. */
type Problem =
  | { readonly cause: 'empty' | 'bom' | 'der' | 'indented' | 'no_certificate' }
  | { readonly cause: BlockCause; readonly index: number; readonly count: number };

type Reading = { readonly ok: true; readonly info: CertificateInfo } | ({ readonly ok: false } & Problem);

const CERTIFICATE_LABEL = 'CERTIFICATE';

function isWhitespaceOnly(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  }
  return true;
}

/** What one pass over the PEM blocks finds. */
interface Scan {
  anyBlock: boolean;
  privateKey: boolean;
  certificates: number;
  first: CertificateInfo | null;
  /** The first bad CERTIFICATE block. */
  problem: { cause: BlockCause; index: number } | null;
}

/**
 * The first CERTIFICATE block is the one reported. A registry serves its own certificate first and the chain
 * after it, so a file saved from `openssl s_client -showcerts` or a "certificate + intermediates" bundle starts
 * with the certificate whose names match the registry.
 * The later blocks must still be sound, since OpenSSL (Python's ssl) refuses the whole file over one bad block.
 * Damage from copying (cut or edited lines) shows in the base64 or in the DER length, and that is what is
 * checked for them; only the first is parsed in full. This keeps a 1 MiB bundle well under 20 ms.
 */
function scanBlocks(text: string): Scan {
  const scan: Scan = { anyBlock: false, privateKey: false, certificates: 0, first: null, problem: null };
  forEachPemBlock(text, (block) => {
    scan.anyBlock = true;
    if (block.label.endsWith('PRIVATE KEY')) scan.privateKey = true;
    if (block.label !== CERTIFICATE_LABEL) return;
    const index = scan.certificates++;
    if (scan.problem !== null) return;
    if (block.base64 === null) {
      scan.problem = { cause: block.terminated ? 'not_base64' : 'unterminated', index };
    } else if (index === 0) {
      scan.first = parseCertificateDer(decodeBase64(block.base64));
      if (scan.first === null) scan.problem = { cause: 'not_x509', index };
    } else if (!isDerSequenceOfLength(decodeBase64(block.base64, 6), decodedLength(block.base64))) {
      scan.problem = { cause: 'not_x509', index };
    }
  });
  return scan;
}

function readCertificate(bytes: Uint8Array, text: string, scan: Scan): Reading {
  if (scan.problem !== null) return { ok: false, ...scan.problem, count: scan.certificates };
  if (scan.first !== null) return { ok: true, info: scan.first };
  if (isWhitespaceOnly(bytes)) return { ok: false, cause: 'empty' };
  if (parseCertificateDer(bytes) !== null) return { ok: false, cause: 'der' };
  if (startsWithUtf8Bom(bytes) && !scan.anyBlock) return { ok: false, cause: 'bom' };
  if (text.includes('BEGIN CERTIFICATE-----')) return { ok: false, cause: 'indented' };
  return { ok: false, cause: 'no_certificate' };
}

function whichCertificate(index: number, count: number): string {
  return count === 1 ? 'The certificate' : `Certificate ${index + 1} of ${count}`;
}

function invalidFinding(path: string, problem: Problem): Finding {
  const check = `check it with: openssl x509 -in ${path} -noout -subject -enddate`;
  const replace = `Put the registry's CA certificate in PEM form (the text from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----) into ${path}`;
  let message: string;
  let fix: string;
  switch (problem.cause) {
    case 'empty':
      message = 'The registry certificate file is empty.';
      fix = `${replace}.`;
      break;
    case 'bom':
      message =
        'The registry certificate file starts with a byte order mark, so its BEGIN line is not recognised.';
      fix = `Save the file as UTF-8 without a BOM (or plain ASCII), then ${check}`;
      break;
    case 'der':
      message =
        'The registry certificate is binary DER; a PEM text file (-----BEGIN CERTIFICATE-----) is expected.';
      fix = `Convert it: openssl x509 -inform der -in ${path} -out ${path}.pem && mv ${path}.pem ${path}`;
      break;
    case 'indented':
      message =
        'The -----BEGIN CERTIFICATE----- line does not start at the beginning of a line, so it is not found.';
      fix = `Remove the indentation or text before -----BEGIN CERTIFICATE----- and -----END CERTIFICATE-----, then ${check}`;
      break;
    case 'no_certificate':
      message = 'The registry certificate file holds no -----BEGIN CERTIFICATE----- block.';
      fix = `${replace}; a key or a certificate request is not a certificate.`;
      break;
    case 'unterminated':
      message = `${whichCertificate(problem.index, problem.count)} in the file has no matching -----END CERTIFICATE----- line.`;
      fix = `Copy the certificate again, including its BEGIN and END lines, then ${check}`;
      break;
    case 'not_base64':
      message = `${whichCertificate(problem.index, problem.count)} in the file is damaged: the text between its BEGIN and END lines is not base64.`;
      fix = `Copy the certificate again without changing its lines, then ${check}`;
      break;
    case 'not_x509':
      message = `${whichCertificate(problem.index, problem.count)} in the file is not a valid X.509 certificate.`;
      fix = `Get the certificate again from the registry administrator, then ${check}`;
      break;
  }
  return finding({ code: 'CERTIFICATE_INVALID', severity: 'error', subject: path, message, fix });
}

function days(ms: number): string {
  const n = Math.floor(ms / DAY_MS);
  return n === 0 ? 'less than a day' : n === 1 ? '1 day' : `${n} days`;
}

function validityFindings(path: string, info: CertificateInfo, nowMs: number): Finding[] {
  const out: Finding[] = [];
  const renew = `Get the renewed certificate from the registry administrator and replace ${path} and the Secret made from it.`;
  if (nowMs > info.notAfterMs) {
    out.push(
      finding({
        code: 'CERTIFICATE_EXPIRED',
        severity: 'error',
        subject: path,
        message: `The registry certificate expired on ${info.notAfter} (${days(nowMs - info.notAfterMs)} ago), so TLS connections to the registry fail.`,
        fix: renew,
      }),
    );
  } else if (info.notAfterMs - nowMs <= EXPIRING_SOON_DAYS * DAY_MS) {
    out.push(
      finding({
        code: 'CERTIFICATE_EXPIRING_SOON',
        severity: 'warning',
        subject: path,
        message: `The registry certificate expires on ${info.notAfter}, in ${days(info.notAfterMs - nowMs)}.`,
        fix: renew,
      }),
    );
  }
  if (nowMs < info.notBeforeMs) {
    out.push(
      finding({
        code: 'CERTIFICATE_NOT_YET_VALID',
        severity: 'error',
        subject: path,
        message: `The registry certificate is not valid yet: its validity starts in ${days(info.notBeforeMs - nowMs)}, so TLS connections to the registry fail.`,
        fix: "Use the registry's current certificate, and check that this machine's clock is right (date -u).",
      }),
    );
  }
  return out;
}

function tooLargeFinding(path: string, size: number, read: boolean): Finding {
  const mib = (size / (1024 * 1024)).toFixed(1);
  return finding({
    code: 'CERTIFICATE_TOO_LARGE',
    severity: 'error',
    subject: path,
    message: `The registry certificate file is ${mib} MiB${read ? '' : ' and was not read'}; a Kubernetes Secret holds at most 1 MiB.`,
    fix: `Keep only the registry's certificate and its chain (the CERTIFICATE blocks) in ${path}.`,
  });
}

const section = (
  path: string,
  status: CertificateSection['status'],
  info?: CertificateInfo,
): CertificateSection => ({
  path,
  status,
  names: info ? info.names : [],
  notAfter: info ? info.notAfter : null,
});

function inspectBytes(path: string, bytes: Uint8Array, nowMs: number): CertificateResult {
  const findings: Finding[] = [];
  if (bytes.length > CERTIFICATE_SECRET_LIMIT_BYTES) findings.push(tooLargeFinding(path, bytes.length, true));
  const text = pemText(bytes);
  const scan = scanBlocks(text);
  if (scan.privateKey) {
    findings.push(
      finding({
        code: 'CERTIFICATE_PRIVATE_KEY_PRESENT',
        severity: 'warning',
        subject: path,
        message:
          'The certificate file also holds a private key, which is copied into every pod that mounts it.',
        fix: `Delete the PRIVATE KEY block from ${path} (only the CERTIFICATE blocks are needed) and from the Secret made from it; replace the key if the file was shared.`,
      }),
    );
  }
  const reading = readCertificate(bytes, text, scan);
  if (!reading.ok) {
    return { section: section(path, 'invalid'), findings: [...findings, invalidFinding(path, reading)] };
  }
  findings.push(...validityFindings(path, reading.info, nowMs));
  return { section: section(path, 'ok', reading.info), findings };
}

export function inspectCertificate(input: CertificateInput): CertificateResult {
  const { path, file, nowMs } = input;
  switch (file.kind) {
    case 'missing':
      return { section: section(path, 'missing'), findings: [] };
    case 'not_a_file':
      return {
        section: section(path, 'not_a_file'),
        findings: [
          finding({
            code: 'CERTIFICATE_NOT_A_FILE',
            severity: 'error',
            subject: path,
            message: 'The registry certificate path is a directory, not a file.',
            fix: 'Mount the Secret key as a file: give the volumeMount `subPath: certificate.crt`, or mount the Secret at the .tls directory instead.',
          }),
        ],
      };
    case 'unreadable':
      return {
        section: section(path, 'unreadable'),
        findings: [
          finding({
            code: 'CERTIFICATE_UNREADABLE',
            severity: 'error',
            subject: path,
            message: 'The registry certificate exists but cannot be read by this user.',
            fix: `Make it readable: chmod 644 ${path} (a certificate is public; a Secret volume can set defaultMode: 0644).`,
          }),
        ],
      };
    case 'too_large':
      return { section: section(path, 'too_large'), findings: [tooLargeFinding(path, file.size, false)] };
    case 'file':
      try {
        return inspectBytes(path, file.bytes, nowMs);
      } catch {
        // Not expected (the readers never throw); a report with "invalid" beats no report.
        return {
          section: section(path, 'invalid'),
          findings: [invalidFinding(path, { cause: 'not_x509', index: 0, count: 1 })],
        };
      }
  }
}
