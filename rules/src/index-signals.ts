import type { IndexSignals } from './syntax-signals';

/** The index signals of a file with none: a removed file's, and the lists every file's signals start from. Loads no parser. */
export const NO_INDEX_SIGNALS: Readonly<IndexSignals> = {
  fixedLists: [],
  implemented: [],
  settledAsync: [],
  fixedReturns: [],
  enqueuesOnly: [],
  itemCallbacks: [],
  inMemorySchemas: [],
  reexportsAll: [],
  methodNames: [],
  collectionFields: [],
  globalModels: [],
  graphqlTypes: [],
};
