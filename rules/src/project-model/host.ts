/**
 * How the project model reads the project: the front end's file layer implements it (bounded
 * reads, its own ignore rules). Paths are absolute, with forward or back slashes.
 */
export interface ProjectHost {
  /** A file's text, or undefined when it does not exist or cannot be read. */
  readFile(path: string): string | undefined;
}
