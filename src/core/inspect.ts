/** The engine's main entry: a Snapshot in, the Report of cli.md out. Pure and deterministic. */
import { alternatives } from './alternatives';
import { inspectCertificate } from './certificate';
import { registryForCertificate } from './certificateRegistry';
import { resolveConfigDefault } from './configDefault';
import { inspectDockerConfig } from './dockerConfig';
import { matchAuthEntry, registryKeyForDomain } from './dockerRegistryKeys';
import { finding, sortFindings, type Finding } from './finding';
import { parseNormalizedNamed } from './imageReference';
import {
  dockerConfigEnvFindings,
  homeFindings,
  kubectlApplyFindings,
  storageIgnoredFinding,
} from './podFindings';
import type { ImageLookup, Report } from './report';
import { fileState, snapshotPaths, type Snapshot } from './snapshot';
import { inspectStorage } from './storage';

export interface InspectOptions {
  /** Image references to look up (the SDK's `Model(image_name=...)`). */
  readonly images?: readonly string[];
}

function lookupImages(
  images: readonly string[],
  authKeys: readonly string[],
): { lookups: ImageLookup[]; findings: Finding[] } {
  const lookups: ImageLookup[] = [];
  const findings: Finding[] = [];
  for (const image of images) {
    const parsed = parseNormalizedNamed(image);
    if (!parsed.ok) {
      lookups.push({ image, key: null, matchedEntry: null });
      findings.push(
        finding({
          code: 'IMAGE_REFERENCE_INVALID',
          severity: 'error',
          subject: image,
          message: `The image reference is not valid: ${parsed.reason}.`,
          fix: 'Use a reference like registry.example.com:5000/team/model or team/model:tag (lower-case repository, valid tag); the SDK cannot push the image otherwise.',
        }),
      );
      continue;
    }
    const key = registryKeyForDomain(parsed.domain);
    lookups.push({ image, key, matchedEntry: matchAuthEntry(authKeys, key) });
  }
  return { lookups, findings };
}

export function inspect(snapshot: Snapshot, options: InspectOptions = {}): Report {
  const paths = snapshotPaths(snapshot.home, snapshot.env);
  const dockerState = fileState(snapshot, paths.dockerConfig);
  const awsState = fileState(snapshot, paths.awsCredentials);

  const docker = inspectDockerConfig({ path: paths.dockerConfig, file: dockerState });
  const storage = inspectStorage({ path: paths.awsCredentials, file: awsState, env: snapshot.env });
  const certificate = inspectCertificate({
    path: paths.certificate,
    file: fileState(snapshot, paths.certificate),
    nowMs: snapshot.nowMs,
  });
  const { lookups, findings: lookupFindings } = lookupImages(options.images ?? [], docker.authKeys);
  const configDefault = resolveConfigDefault(docker.status);

  const fromEnvPath = paths.dockerConfigFromEnv;
  const fromEnvWorks =
    fromEnvPath !== null &&
    inspectDockerConfig({ path: fromEnvPath, file: fileState(snapshot, fromEnvPath) }).status === 'ok';
  const privateRegistry = lookups.find((l) => l.key !== null && !l.key.includes('index.docker.io'))?.key;

  const dockerDir = paths.dockerConfig.slice(0, -'/config.json'.length);
  const findings = sortFindings([
    ...docker.findings,
    ...storage.findings,
    ...certificate.findings,
    ...lookupFindings,
    ...homeFindings(snapshot.home),
    ...dockerConfigEnvFindings(snapshot.env, dockerDir),
    ...kubectlApplyFindings([
      { path: paths.dockerConfig, state: dockerState },
      { path: paths.awsCredentials, state: awsState },
    ]),
    ...storageIgnoredFinding(storage.section.usableProviders.length),
  ]);

  return {
    home: snapshot.home,
    docker: {
      path: paths.dockerConfig,
      status: docker.status,
      dockerCliLoadOk: docker.dockerCliLoadOk,
      registries: docker.registries,
      credsStore: docker.credsStore,
      credHelpers: docker.credHelpers,
      lookups,
    },
    storage: storage.section,
    certificate: certificate.section,
    configDefault,
    alternatives: alternatives({
      dockerDefaultWorks: !configDefault.wouldFail,
      dockerFromFilePath: fromEnvWorks ? fromEnvPath : null,
      usableProviders: storage.section.usableProviders,
      certificateUsable: certificate.section.status === 'ok',
      certificateRegistry: registryForCertificate(
        certificate.section.names,
        docker.authKeys,
        privateRegistry ?? null,
      ),
    }),
    findings,
  };
}
