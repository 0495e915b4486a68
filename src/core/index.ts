/** The engine's public surface, shared by every face. */
export { inspect, type InspectOptions } from './inspect';
export { verdictOf, type Verdict } from './verdict';
export { snapshotPaths, pathsToGather, READ_LIMIT_BYTES, type Snapshot, type FileState } from './snapshot';
export { isRelevantEnvName } from './environment';
export { maskAccessKeyId } from './mask';
export type { Finding, Severity } from './finding';
export type * from './report';
export { lintManifests, type LintFile, type LintResult, type LintOptions } from './lint';
export * as manifests from './manifests';
export * as check from './check';
