/** Generating Secrets and PodDefaults: the engine side of `manifests`. */
export { buildManifests, buildSecret, buildPodDefault } from './build';
export { kubectlCommands, shellQuote } from './kubectl';
export { toYamlStream, MANIFEST_HEADER } from './yaml';
export { planSources, availableSource, type SourcePlan } from './sources';
export { givenDockerSource, givenEnvSource, dockerConfigJson, type GivenDocker } from './given';
export { validateManifestOptions } from './validate';
export { namesFor, SOURCE_ORDER } from './names';
export type * from './types';
