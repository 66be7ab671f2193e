/**
 * The calls that block the event loop, by module: what the loop waits for while they run,
 * the non-blocking form to use instead, and how to rewrite the call when that form behaves
 * the same. Read by the sync-io-in-async rule; data only.
 */

/** How a blocking call becomes its promise form. */
export type PromiseForm =
  /** `fs.readFileSync(...)` → `await fs.promises.readFile(...)`, or `readFile` from `fs/promises`. */
  | { kind: 'fs-promises'; name: string }
  /** The same module exports a promise-returning twin: `bcrypt.hashSync` → `await bcrypt.hash`. */
  | { kind: 'member'; name: string }
  /**
   * The callback twin through `util.promisify`: `zlib.gzipSync` → `await gzipAsync(...)`.
   * `cast` restores a result type that `promisify`'s typing loses; `untyped` means TypeScript
   * cannot type the promisified call at all, so TypeScript files get no fix.
   */
  | { kind: 'promisify'; name: string; result?: 'stdout'; cast?: string; untyped?: boolean };

export interface BlockingCall {
  /** Completes "other work waits while …", with what the wait costs where it is large by nature (CPU by design, a child process, an input-sized listing). */
  effect: string;
  /** The non-blocking replacement as the message shows it (code in backticks, which messages drop); `{{object}}` stands for the callee's object. */
  replacement: string;
  /** The rewrite, when the promise form returns and throws exactly what the blocking call does. */
  fix?: PromiseForm;
  /** Why there is no automatic fix, when the promise form behaves differently. */
  caveat?: string;
}

const FILE_READ = 'the file is read';
const FILE_WRITTEN = 'the file is written';
const FS_CALL = 'the file system answers';

/** A `fs` call whose `fs/promises` twin takes the same arguments and returns and throws the same. */
function fsTwin(syncName: string, effect: string): [string, BlockingCall] {
  const name = syncName.slice(0, -'Sync'.length);
  return [syncName, { effect, replacement: `\`await fs.promises.${name}(...)\``, fix: { kind: 'fs-promises', name } }];
}

/** A call on a file descriptor: the promise API works on `FileHandle` objects instead. */
function fdCall(syncName: string): [string, BlockingCall] {
  return [
    syncName,
    {
      effect: FS_CALL,
      replacement: 'a `FileHandle` from `await fs.promises.open(...)`',
      caveat: 'the promise API works on file handles, not descriptors',
    },
  ];
}

const FS: Record<string, BlockingCall> = Object.fromEntries([
  fsTwin('readFileSync', FILE_READ),
  fsTwin('writeFileSync', FILE_WRITTEN),
  fsTwin('appendFileSync', FILE_WRITTEN),
  fsTwin('readdirSync', 'the directory is read, longer the more entries it holds'),
  fsTwin('mkdirSync', 'the directory is created'),
  fsTwin('mkdtempSync', 'the directory is created'),
  fsTwin('opendirSync', 'the directory is opened'),
  fsTwin('statSync', FS_CALL),
  fsTwin('lstatSync', FS_CALL),
  fsTwin('accessSync', FS_CALL),
  fsTwin('unlinkSync', FS_CALL),
  fsTwin('rmSync', 'the files are removed'),
  fsTwin('rmdirSync', 'the directory is removed'),
  fsTwin('renameSync', FS_CALL),
  fsTwin('copyFileSync', 'the file is copied'),
  fsTwin('cpSync', 'the files are copied'),
  fsTwin('chmodSync', FS_CALL),
  fsTwin('chownSync', FS_CALL),
  fsTwin('lchownSync', FS_CALL),
  fsTwin('utimesSync', FS_CALL),
  fsTwin('lutimesSync', FS_CALL),
  fsTwin('truncateSync', FS_CALL),
  fsTwin('linkSync', FS_CALL),
  fsTwin('symlinkSync', FS_CALL),
  fsTwin('readlinkSync', FS_CALL),
  [
    'realpathSync',
    {
      effect: FS_CALL,
      replacement: '`await fs.promises.realpath(...)`',
      caveat: '`fs.promises.realpath` resolves like `realpathSync.native`, which can differ on some systems',
    },
  ],
  [
    'existsSync',
    {
      effect: FS_CALL,
      replacement: '`await fs.promises.access(path)` in a try/catch',
      caveat: 'there is no promise form that returns a boolean',
    },
  ],
  ...[
    'openSync',
    'closeSync',
    'readSync',
    'writeSync',
    'readvSync',
    'writevSync',
    'fstatSync',
    'fsyncSync',
    'fdatasyncSync',
    'ftruncateSync',
    'futimesSync',
    'fchmodSync',
    'fchownSync',
  ].map(fdCall),
]);

/** The `fs-extra` additions whose promise twin is the same name without `Sync` (`readJsonSync` → `readJson`). */
const FS_EXTRA_TWINS: ReadonlyArray<[string, string]> = [
  ['readJsonSync', FILE_READ],
  ['readJSONSync', FILE_READ],
  ['writeJsonSync', FILE_WRITTEN],
  ['writeJSONSync', FILE_WRITTEN],
  ['outputFileSync', FILE_WRITTEN],
  ['outputJsonSync', FILE_WRITTEN],
  ['outputJSONSync', FILE_WRITTEN],
  ['ensureDirSync', 'the directory is created'],
  ['ensureFileSync', FILE_WRITTEN],
  ['createFileSync', FILE_WRITTEN],
  ['mkdirsSync', 'the directory is created'],
  ['mkdirpSync', 'the directory is created'],
  ['copySync', 'the files are copied'],
  ['moveSync', 'the files are moved'],
  ['removeSync', 'the files are removed'],
  ['emptyDirSync', 'the directory is emptied'],
  ['emptydirSync', 'the directory is emptied'],
  ['pathExistsSync', FS_CALL],
  ['ensureLinkSync', FS_CALL],
  ['ensureSymlinkSync', FS_CALL],
];

/** `fs-extra` re-exports `fs` with promise-returning versions of every call, plus its own helpers. */
const FS_EXTRA: Record<string, BlockingCall> = Object.fromEntries([
  ...Object.entries(FS).map(([syncName, call]): [string, BlockingCall] => {
    const name = syncName.slice(0, -'Sync'.length);
    if (call.fix?.kind !== 'fs-promises') return [syncName, call];
    return [syncName, { effect: call.effect, replacement: `\`await {{object}}.${name}(...)\``, fix: { kind: 'member', name } }];
  }),
  ['existsSync', { effect: FS_CALL, replacement: '`await {{object}}.pathExists(...)`', fix: { kind: 'member', name: 'pathExists' } }],
  ...FS_EXTRA_TWINS.map(([syncName, effect]): [string, BlockingCall] => {
    const name = syncName.slice(0, -'Sync'.length);
    return [syncName, { effect, replacement: `\`await {{object}}.${name}(...)\``, fix: { kind: 'member', name } }];
  }),
]);

const COMMAND = 'the child process runs, for as long as it takes';
const CHILD_PROCESS: Record<string, BlockingCall> = {
  execSync: {
    effect: COMMAND,
    replacement: '`(await promisify(exec)(...)).stdout`',
    fix: { kind: 'promisify', name: 'exec', result: 'stdout' },
  },
  execFileSync: {
    effect: COMMAND,
    replacement: '`(await promisify(execFile)(...)).stdout`',
    fix: { kind: 'promisify', name: 'execFile', result: 'stdout' },
  },
  spawnSync: {
    effect: COMMAND,
    replacement: '`spawn` with its `close` event, or `await promisify(execFile)(...)`',
    caveat: 'its result object has no promise twin',
  },
};

/** A `crypto` or `zlib` call whose callback twin gives the same result through `util.promisify`. */
function promisifyTwin(syncName: string, effect: string, typing: { cast?: string; untyped?: boolean } = {}): [string, BlockingCall] {
  const name = syncName.slice(0, -'Sync'.length);
  return [syncName, { effect, replacement: `\`await promisify(${name})(...)\``, fix: { kind: 'promisify', name, ...typing } }];
}

const KEY = 'the key is derived, tens of milliseconds of CPU by design';
/** Work that is slow by design (key stretching, prime search); `hkdfSync` and `generateKeySync` (an HMAC chain, random bytes) take microseconds. */
const CRYPTO: Record<string, BlockingCall> = Object.fromEntries([
  promisifyTwin('pbkdf2Sync', KEY),
  promisifyTwin('scryptSync', KEY, { cast: 'Buffer' }),
  promisifyTwin('randomFillSync', 'the random bytes are generated', { untyped: true }),
  promisifyTwin('generateKeyPairSync', 'the key pair is generated, up to hundreds of milliseconds of CPU'),
  promisifyTwin('generatePrimeSync', 'the prime is searched for, for as long as the search takes'),
]);

const COMPRESS = 'the data is compressed';
const DECOMPRESS = 'the data is decompressed';
const ZLIB: Record<string, BlockingCall> = Object.fromEntries([
  promisifyTwin('gzipSync', COMPRESS),
  promisifyTwin('deflateSync', COMPRESS),
  promisifyTwin('deflateRawSync', COMPRESS),
  promisifyTwin('brotliCompressSync', COMPRESS),
  promisifyTwin('gunzipSync', DECOMPRESS),
  promisifyTwin('inflateSync', DECOMPRESS),
  promisifyTwin('inflateRawSync', DECOMPRESS),
  promisifyTwin('unzipSync', DECOMPRESS),
  promisifyTwin('brotliDecompressSync', DECOMPRESS),
]);

const HASH = 'the password is hashed, tens of milliseconds of CPU by design';
const BCRYPT: Record<string, BlockingCall> = {
  hashSync: { effect: HASH, replacement: '`await {{object}}.hash(...)`', fix: { kind: 'member', name: 'hash' } },
  compareSync: {
    effect: 'the password is hashed to compare, tens of milliseconds of CPU by design',
    replacement: '`await {{object}}.compare(...)`',
    fix: { kind: 'member', name: 'compare' },
  },
  genSaltSync: { effect: 'the salt is generated', replacement: '`await {{object}}.genSalt(...)`', fix: { kind: 'member', name: 'genSalt' } },
};

const WALK = 'the directory tree is walked, longer the more files it holds';
const GLOB_CAVEAT = 'the promise form depends on the installed major version';
const GLOB: Record<string, BlockingCall> = {
  sync: { effect: WALK, replacement: '`await glob(...)` (glob 9 and later)', caveat: GLOB_CAVEAT },
  globSync: { effect: WALK, replacement: '`await glob(...)`', caveat: GLOB_CAVEAT },
};
const FAST_GLOB: Record<string, BlockingCall> = {
  sync: { effect: WALK, replacement: '`await {{object}}.glob(...)`', caveat: GLOB_CAVEAT },
  globSync: { effect: WALK, replacement: '`await {{object}}.glob(...)`', fix: { kind: 'member', name: 'glob' } },
};

const GLOBBY: Record<string, BlockingCall> = {
  globbySync: { effect: WALK, replacement: '`await {{object}}.globby(...)`', fix: { kind: 'member', name: 'globby' } },
  sync: { effect: WALK, replacement: '`await globby(...)`', caveat: GLOB_CAVEAT },
};

const EXECA: Record<string, BlockingCall> = {
  execaSync: { effect: COMMAND, replacement: '`await {{object}}.execa(...)`', fix: { kind: 'member', name: 'execa' } },
  execaCommandSync: { effect: COMMAND, replacement: '`await {{object}}.execaCommand(...)`', fix: { kind: 'member', name: 'execaCommand' } },
  execaNodeSync: { effect: COMMAND, replacement: '`await {{object}}.execaNode(...)`', fix: { kind: 'member', name: 'execaNode' } },
  sync: { effect: COMMAND, replacement: '`await execa(...)`', caveat: 'the promise form depends on the installed major version' },
  commandSync: { effect: COMMAND, replacement: '`await execa.command(...)`', caveat: 'the promise form depends on the installed major version' },
};

const CROSS_SPAWN: Record<string, BlockingCall> = {
  sync: { effect: COMMAND, replacement: '`spawn` with its `close` event', caveat: 'its result object has no promise twin' },
};

const BY_MODULE: Record<string, Record<string, BlockingCall>> = {
  fs: FS,
  'fs-extra': FS_EXTRA,
  child_process: CHILD_PROCESS,
  crypto: CRYPTO,
  zlib: ZLIB,
  bcrypt: BCRYPT,
  bcryptjs: BCRYPT,
  glob: GLOB,
  'fast-glob': FAST_GLOB,
  globby: GLOBBY,
  execa: EXECA,
  'cross-spawn': CROSS_SPAWN,
};

/** Any other `*Sync` export of `fs`: blocking, with no twin known here. */
const OTHER_FS_SYNC: BlockingCall = { effect: FS_CALL, replacement: 'its `fs.promises` counterpart' };

/**
 * The blocking call a module member is, or undefined: `{ module: 'fs', path: ['readFileSync'] }`
 * and `{ module: 'fs-extra', path: ['default', 'readJsonSync'] }` are.
 */
export function blockingCall(module: string, path: readonly string[]): BlockingCall | undefined {
  const table = BY_MODULE[module];
  if (!table) return undefined;
  const members = path[0] === 'default' ? path.slice(1) : path;
  if (members.length !== 1) return undefined;
  const name = members[0]!;
  if (!Object.hasOwn(table, name)) return (module === 'fs' || module === 'fs-extra') && name.endsWith('Sync') ? OTHER_FS_SYNC : undefined;
  return table[name];
}

/**
 * `fs` and `fs-extra` calls that ask or change one entry's metadata (`existsSync`, `statSync`, `mkdirSync`, `unlinkSync`,
 * `renameSync`): the kernel answers them from its caches in microseconds.
 */
const METADATA_CALLS =
  /^(?:exists|pathExists|stat|lstat|fstat|access|mkdir|mkdirs|mkdirp|ensureDir|unlink|rename|realpath|chmod|chown|utimes|readlink|symlink|link|close)Sync$/;

export function asksMetadata(module: string, path: readonly string[]): boolean {
  return /^(?:node:)?(?:fs|fs-extra)$/.test(module) && METADATA_CALLS.test(path[path.length - 1] ?? '');
}

/** Cheap text test: a file without any of these names cannot call a blocking API. */
export const BLOCKING_NAME = /Sync\b|\.sync\b|\bsync\b/;
