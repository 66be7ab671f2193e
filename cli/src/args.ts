import { parseArgs as parseArgv } from 'node:util';
import { RULE_IDS, SEVERITY_SETTINGS, type RuleId, type SeveritySetting } from '../../rules/src/data';

export const FORMATS = ['text', 'json', 'sarif', 'html', 'github', 'compact'] as const;
export type Format = (typeof FORMATS)[number];

export const DEBUG_TOPICS = ['files'] as const;
export type DebugTopic = (typeof DEBUG_TOPICS)[number];

export const DEFAULT_CACHE_LOCATION = 'node_modules/.cache/perf-lint';
export const DEFAULT_SUPPRESSIONS_LOCATION = 'perf-lint-suppressions.json';

/** What the command line asks for. */
export interface CliOptions {
  paths: string[];
  format: Format;
  fix: boolean;
  /** Print the unified diff of the safe fixes instead of writing them. */
  fixDryRun: boolean;
  rules: Partial<Record<RuleId, SeveritySetting>>;
  maxWarnings?: number;
  config?: string;
  cacheLocation: string;
  cache: boolean;
  /** Report errors only. */
  quiet: boolean;
  /** Write the report to this file instead of standard output. */
  outputFile?: string;
  /** Lint standard input as the file `stdinFilename`. */
  stdin: boolean;
  stdinFilename?: string;
  /** `--color` / `--no-color`; undefined lets the terminal and FORCE_COLOR/NO_COLOR decide. */
  color?: boolean;
  suppressAll: boolean;
  pruneSuppressions: boolean;
  suppressionsLocation: string;
  /** What to explain instead of analyzing (`files`: the files that would be analyzed, and what is left out). */
  debug: DebugTopic[];
  help: boolean;
  version: boolean;
}

/** A mistake on the command line or in the configuration: exit status 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: perf-lint [options] [PATH...]

Finds performance anti-patterns in TypeScript and JavaScript files (.ts .tsx .mts .cts
.js .jsx .mjs .cjs). PATH defaults to the current directory. Files ignored by .gitignore,
node_modules, .git and the configuration's "exclude" globs are skipped; a file named
explicitly is linted anyway. Each file's configuration is the nearest .perflintrc.json
above it (with those above it, up to one with "root": true or the repository root).

Output:
  --format FORMAT                 text (default), compact, json, sarif, html, or github
                                  (GitHub Actions annotations)
  -o, --output-file FILE          write the report to FILE; progress and notes stay on the terminal
  --quiet                         report errors only
  --color, --no-color             force colors on or off (default: on for a terminal;
                                  FORCE_COLOR and NO_COLOR are honoured)

Rules and configuration:
  --rule ID=off|info|warning|error
                                  set a rule's severity (repeatable; overrides the config)
  --config FILE                   use this configuration instead of the nearest .perflintrc.json
  --max-warnings N                exit 1 when there are more than N warnings

Fixing:
  --fix                           apply safe fixes in place, then report what remains
  --fix-dry-run                   print the unified diff of the safe fixes; write nothing

Baseline (for code that predates the linter):
  --suppress-all                  record every current finding in the suppressions file;
                                  later runs report only new findings
  --prune-suppressions            remove entries of the suppressions file that no longer match
  --suppressions-location FILE    the suppressions file (default: ${DEFAULT_SUPPRESSIONS_LOCATION})

Input:
  --stdin                         lint the text on standard input
  --stdin-filename PATH           the file name standard input stands for (its rules,
                                  configuration and extension apply)

Cache:
  --cache-location DIR            where cached results live (default: ${DEFAULT_CACHE_LOCATION})
  --no-cache                      analyze every file again and leave the cache alone

  --debug files                   list the files that would be analyzed and those left
                                  out with the reason; analyze nothing

  -h, --help                      show this help
  -v, --version                   show the version

Rules: ${RULE_IDS.join(', ')}

Exit status: 0 no errors and no more warnings than --max-warnings allows (warnings and
info alone exit 0 without it; --max-warnings 0 fails on any warning), 1 otherwise,
2 usage or configuration error, a path that matches no file, or findings may be missing
(a rule or the analysis failed on a file).
`;

/** Every option, as `util.parseArgs` describes them; `--no-X` forms are options of their own. */
const OPTIONS = {
  format: { type: 'string' },
  'output-file': { type: 'string', short: 'o' },
  quiet: { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  rule: { type: 'string', multiple: true },
  config: { type: 'string' },
  'max-warnings': { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'suppress-all': { type: 'boolean' },
  'prune-suppressions': { type: 'boolean' },
  'suppressions-location': { type: 'string' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'cache-location': { type: 'string' },
  'no-cache': { type: 'boolean' },
  debug: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type OptionName = keyof typeof OPTIONS;

/** Parses the arguments after the command name; throws a UsageError naming what is wrong. */
export function parseArgs(argv: readonly string[]): CliOptions {
  // Not strict: unknown options and missing values are reported here, in the command's own words.
  const { tokens } = parseArgv({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const options: CliOptions = {
    paths: [],
    format: 'text',
    fix: false,
    fixDryRun: false,
    rules: {},
    cacheLocation: DEFAULT_CACHE_LOCATION,
    cache: true,
    quiet: false,
    stdin: false,
    suppressAll: false,
    pruneSuppressions: false,
    suppressionsLocation: DEFAULT_SUPPRESSIONS_LOCATION,
    debug: [],
    help: false,
    version: false,
  };
  for (const token of tokens) {
    if (token.kind === 'positional') {
      options.paths.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    if (!Object.hasOwn(OPTIONS, token.name)) throw new UsageError(`unknown option ${token.rawName} (see --help)`);
    const name = token.name as OptionName;
    if (OPTIONS[name].type === 'boolean') {
      if (token.inlineValue) throw new UsageError(`${token.rawName} takes no value`);
      applyFlag(options, name);
    } else {
      // `--output-file --quiet` forgot the file name rather than naming a file "--quiet".
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-'))) throw new UsageError(`${token.rawName} needs a value`);
      applyValue(options, name, token.rawName, token.value);
    }
  }
  if (options.stdin) {
    if (options.paths.length > 0) throw new UsageError('--stdin lints standard input: give no PATH with it');
    if (options.fix) throw new UsageError('--fix cannot write standard input back: leave it out with --stdin');
  } else if (options.stdinFilename !== undefined) {
    throw new UsageError('--stdin-filename needs --stdin');
  }
  if (options.paths.length === 0 && !options.stdin) options.paths.push('.');
  return options;
}

function applyFlag(options: CliOptions, name: OptionName): void {
  switch (name) {
    case 'quiet':
      options.quiet = true;
      break;
    case 'color':
      options.color = true;
      break;
    case 'no-color':
      options.color = false;
      break;
    case 'fix':
      options.fix = true;
      break;
    case 'fix-dry-run':
      options.fixDryRun = true;
      break;
    case 'suppress-all':
      options.suppressAll = true;
      break;
    case 'prune-suppressions':
      options.pruneSuppressions = true;
      break;
    case 'stdin':
      options.stdin = true;
      break;
    case 'no-cache':
      options.cache = false;
      break;
    case 'help':
      options.help = true;
      break;
    case 'version':
      options.version = true;
      break;
  }
}

function applyValue(options: CliOptions, name: OptionName, rawName: string, value: string): void {
  switch (name) {
    case 'format':
      if (!(FORMATS as readonly string[]).includes(value)) {
        throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${value}"`);
      }
      options.format = value as Format;
      break;
    case 'output-file':
      options.outputFile = value;
      break;
    case 'rule':
      Object.assign(options.rules, parseRuleOption(value));
      break;
    case 'config':
      options.config = value;
      break;
    case 'max-warnings':
      if (!/^\d+$/.test(value)) throw new UsageError(`${rawName} must be a whole number, not "${value}"`);
      options.maxWarnings = Number(value);
      break;
    case 'suppressions-location':
      options.suppressionsLocation = value;
      break;
    case 'stdin-filename':
      options.stdinFilename = value;
      break;
    case 'cache-location':
      options.cacheLocation = value;
      break;
    case 'debug':
      if (!(DEBUG_TOPICS as readonly string[]).includes(value)) throw new UsageError(`--debug must be one of ${DEBUG_TOPICS.join(', ')}, not "${value}"`);
      options.debug.push(value as DebugTopic);
      break;
  }
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
