// valid
export * from './client';
export * from './local-store';
