// valid
export * from './stores';
