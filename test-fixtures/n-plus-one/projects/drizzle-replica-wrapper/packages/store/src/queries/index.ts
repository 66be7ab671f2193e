// valid
export * from './payments';
