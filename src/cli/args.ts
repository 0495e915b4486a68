/**
 * Argument parsing for the CLI. Hand-written because cli.md requires `--image -foo` to take `-foo` verbatim,
 * which util.parseArgs refuses. Usage errors never echo the rejected argument (it could be a secret).
 */

export interface CommandSpec {
  readonly booleans: readonly string[];
  /** Options that take a value; given several times they accumulate. */
  readonly values: readonly string[];
  /** Whether bare words after the command are accepted (e.g. lint's files). */
  readonly positionals: boolean;
}

export interface ParsedArgs {
  readonly flags: ReadonlySet<string>;
  readonly values: ReadonlyMap<string, readonly string[]>;
  readonly positionals: readonly string[];
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], spec: CommandSpec): ParsedArgs {
  const flags = new Set<string>();
  const values = new Map<string, string[]>();
  const positionals: string[] = [];
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPositionals || !arg.startsWith('-') || arg === '-') {
      if (!spec.positionals) throw new UsageError(`unexpected argument at position ${i + 1}`);
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (spec.values.includes(name)) {
      let value: string;
      if (eq > 0) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length) value = argv[++i];
      else throw new UsageError(`${name} needs a value`);
      values.set(name, [...(values.get(name) ?? []), value]);
    } else if (spec.booleans.includes(name) && eq < 0) {
      flags.add(name);
    } else {
      // Name the position, not the text: a mistyped flag may carry a pasted secret.
      throw new UsageError(`unknown option at position ${i + 1}`);
    }
  }
  return { flags, values, positionals };
}
