const SOURCE_EXTENSION = /\.(?:d\.)?[cm]?[jt]sx?$/i;

/** A file's key in the project index: its path with forward slashes, without extension or a trailing `/index`. */
export function fileKey(fileName: string): string {
  return fileName
    .replace(/\\/g, '/')
    .replace(SOURCE_EXTENSION, '')
    .replace(/\/index$/, '');
}

/** What `normalizePath` changes: a backslash, an empty, `.` or `..` segment, a trailing slash. */
const NOT_NORMAL = /\\|\/\.{0,2}(?:\/|$)|^\.{1,2}(?:\/|$)/;

/** Forward slashes, no `.` or `..` segments, no trailing slash. */
export function normalizePath(path: string): string {
  if (!NOT_NORMAL.test(path)) return path;
  const slashed = path.replace(/\\/g, '/');
  const absolute = slashed.startsWith('/');
  const parts: string[] = [];
  for (const segment of slashed.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && parts.length > 0 && parts.at(-1) !== '..') parts.pop();
    else parts.push(segment);
  }
  const joined = parts.join('/');
  // A Windows drive (`C:`) keeps its place as the first segment.
  return absolute ? `/${joined}` : joined;
}

export function dirname(path: string): string {
  const index = path.lastIndexOf('/');
  return index <= 0 ? (index === 0 ? '/' : '') : path.slice(0, index);
}

export function joinPath(base: string, relative: string): string {
  if (relative.startsWith('/') || /^[A-Za-z]:[\\/]/.test(relative)) return normalizePath(relative);
  return normalizePath(`${base}/${relative}`);
}

/** The folders from a file's own up to the file system root, nearest first. */
export function* foldersAbove(path: string): Generator<string> {
  for (let folder = dirname(path); ; folder = dirname(folder)) {
    yield folder;
    if (folder === '/' || folder === '' || !folder.includes('/')) return;
  }
}
