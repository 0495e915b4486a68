/** Live checks: the engine's API for every face (the CLI's `check`, the VS Code command, the JupyterLab button). */
export {
  planChecks,
  DEFAULT_MINIO_ENDPOINT,
  DEFAULT_STORAGE_URI,
  DEFAULT_TIMEOUT_MS,
  STORAGE_PROVIDER_NAMES,
  type CheckOptions,
  type CheckPlan,
  type FixedPlan,
  type StorageProviderChoice,
} from './plan';
export { runChecks, flowFor, type RunChecksOptions } from './run';
export { runFlow, type Flow, type Step, type RequestSpec, MAX_BODY_BYTES } from './flow';
export type { HttpRequest, HttpResult, Transport, TransportFailure } from './exchange';
export {
  CHECK_OUTCOMES,
  passed,
  type CheckKind,
  type CheckOutcome,
  type CheckReason,
  type CheckResult,
  type Verdict,
} from './types';
export { fixFor } from './fixes';
export { CheckResultCache, ageLabel, KEEP_RESULTS_MS, type KeptResult } from './cache';
export { Sealed } from './sealed';
export { signV4, type AwsCredentials } from './sigv4';
export {
  KERNEL_TRANSPORT_SOURCE,
  kernelCallExpression,
  kernelUserExpression,
  decodeKernelAnswer,
  decodeUserExpression,
} from './kernelTransport';
