// valid
export * from './connection';
export * from './get-link';
