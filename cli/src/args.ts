import { RULE_IDS, SEVERITY_SETTINGS, type RuleId, type SeveritySetting } from '../../rules/src';

export const FORMATS = ['text', 'json', 'sarif', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export const DEBUG_TOPICS = ['files'] as const;
export type DebugTopic = (typeof DEBUG_TOPICS)[number];

export const DEFAULT_CACHE_LOCATION = 'node_modules/.cache/perf-lint';

/** What the command line asks for. */
export interface CliOptions {
  paths: string[];
  format: Format;
  fix: boolean;
  rules: Partial<Record<RuleId, SeveritySetting>>;
  maxWarnings?: number;
  config?: string;
  cacheLocation: string;
  cache: boolean;
  /** What to explain instead of analyzing (`files`: the files that would be analyzed, and what is left out). */
  debug: DebugTopic[];
  help: boolean;
  version: boolean;
}

/** A mistake on the command line or in the configuration: exit status 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: perf-lint [options] [PATH...]

Finds performance anti-patterns in TypeScript and JavaScript files (.ts .tsx .mts .cts
.js .jsx .mjs .cjs). PATH defaults to the current directory. Files ignored by .gitignore, node_modules,
.git and the configuration's "exclude" globs are skipped; a file named explicitly is
linted anyway. Each file's configuration is the nearest .perflintrc.json above it (with
those above it, up to one with "root": true or the repository root).

Options:
  --format text|json|sarif|html   output format (default: text)
  --fix                           apply safe fixes in place, then report what remains
  --rule ID=off|info|warning|error
                                  set a rule's severity (repeatable; overrides the config)
  --max-warnings N                exit 1 only if there are errors or more than N warnings
  --config FILE                   use this configuration instead of the nearest .perflintrc.json
  --cache-location DIR            where cached results live (default: ${DEFAULT_CACHE_LOCATION})
  --no-cache                      analyze every file again and leave the cache alone
  --debug files                   list the files that would be analyzed and those left
                                  out with the reason; analyze nothing
  -h, --help                      show this help
  -v, --version                   show the version

Rules: ${RULE_IDS.join(', ')}

Exit status: 0 no findings, 1 findings (with --max-warnings: errors, or more warnings
than allowed), 2 usage or configuration error.
`;

/** Options that take a value, as `--name value` or `--name=value`. */
const VALUE_OPTIONS = new Set(['--format', '--rule', '--max-warnings', '--config', '--cache-location', '--debug']);

/** Parses the arguments after the command name; throws a UsageError naming what is wrong. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    paths: [],
    format: 'text',
    fix: false,
    rules: {},
    cacheLocation: DEFAULT_CACHE_LOCATION,
    cache: true,
    debug: [],
    help: false,
    version: false,
  };
  let onlyPaths = false;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (onlyPaths || !argument.startsWith('-') || argument === '-') {
      options.paths.push(argument);
      continue;
    }
    if (argument === '--') {
      onlyPaths = true;
      continue;
    }
    const equals = argument.indexOf('=');
    const name = equals > 0 ? argument.slice(0, equals) : argument;
    let value: string | undefined;
    if (VALUE_OPTIONS.has(name)) {
      value = equals > 0 ? argument.slice(equals + 1) : argv[++index];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
    } else if (equals > 0) {
      throw new UsageError(`${name} takes no value`);
    }
    switch (name) {
      case '--format':
        if (!(FORMATS as readonly string[]).includes(value!)) {
          throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${value}"`);
        }
        options.format = value as Format;
        break;
      case '--rule':
        Object.assign(options.rules, parseRuleOption(value!));
        break;
      case '--max-warnings':
        if (!/^\d+$/.test(value!)) throw new UsageError(`--max-warnings must be a whole number, not "${value}"`);
        options.maxWarnings = Number(value);
        break;
      case '--config':
        options.config = value!;
        break;
      case '--cache-location':
        options.cacheLocation = value!;
        break;
      case '--debug':
        if (!(DEBUG_TOPICS as readonly string[]).includes(value!)) throw new UsageError(`--debug must be one of ${DEBUG_TOPICS.join(', ')}, not "${value}"`);
        options.debug.push(value as DebugTopic);
        break;
      case '--fix':
        options.fix = true;
        break;
      case '--no-cache':
        options.cache = false;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      case '--version':
      case '-v':
        options.version = true;
        break;
      default:
        throw new UsageError(`unknown option ${name} (see --help)`);
    }
  }
  if (options.paths.length === 0) options.paths.push('.');
  return options;
}

function parseRuleOption(value: string): Partial<Record<RuleId, SeveritySetting>> {
  const match = /^([^=]+)=(.*)$/.exec(value);
  if (!match) throw new UsageError(`--rule takes ID=SEVERITY, for example --rule await-in-loop=error (got "${value}")`);
  const [, ruleId, severity] = match as unknown as [string, string, string];
  if (!RULE_IDS.includes(ruleId as RuleId)) {
    throw new UsageError(`--rule: unknown rule "${ruleId}" (known: ${RULE_IDS.join(', ')})`);
  }
  if (!SEVERITY_SETTINGS.includes(severity as SeveritySetting)) {
    throw new UsageError(`--rule ${ruleId}: severity must be one of ${SEVERITY_SETTINGS.join(', ')}, not "${severity}"`);
  }
  return { [ruleId]: severity };
}
