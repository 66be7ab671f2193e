// valid
export * from './executor';
