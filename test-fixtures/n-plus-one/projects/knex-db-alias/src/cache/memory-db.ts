// valid
export interface CachedFlag {
  name: string;
  enabled: boolean;
}

/** Flags kept in memory, by name. */
export type Db = Map<string, CachedFlag>;

/** Reads a flag from a remote source. */
export type FlagSource = (name: string) => Promise<CachedFlag>;
