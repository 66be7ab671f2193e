// valid
export * from './src';
