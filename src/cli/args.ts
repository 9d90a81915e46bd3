/** A small, strict argument parser: unknown options are an error with a hint, not silently ignored. */

export interface OptionSpec {
  /** Takes a value (`--lang en`) or is a switch (`--json`). */
  value: boolean;
  choices?: readonly string[];
}

export interface Parsed {
  positional: string[];
  options: Record<string, string | true>;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], spec: Readonly<Record<string, OptionSpec>>): Parsed {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    // -h is --help wherever the command has one (`check -- -h` analyses "-h").
    if (arg === '-h' && spec.help) {
      options.help = true;
      continue;
    }
    if (!arg.startsWith('--') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const s = spec[name];
    if (!s) throw new UsageError(`unknown option --${name}`);
    if (!s.value) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      options[name] = true;
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    if (s.choices && !s.choices.includes(value)) throw new UsageError(`--${name} must be one of: ${s.choices.join(', ')}`);
    options[name] = value;
  }
  return { positional, options };
}
