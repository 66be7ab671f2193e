// valid
export * from './collections';
