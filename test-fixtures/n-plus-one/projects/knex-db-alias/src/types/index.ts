// valid
export * from './stores.js';
