/** Types of launch.cjs, for the TypeScript e2e suites. */
export declare function labArguments(options: { port: number; token: string; rootDir: string }): string[];
export declare function isolatedJupyterEnv(base: string): Record<string, string>;
export declare function writeLabSettings(
  settingsDir: string,
  settings: Record<string, Record<string, unknown>>,
): void;
export declare const QUIET_SETTINGS: Record<string, Record<string, unknown>>;
