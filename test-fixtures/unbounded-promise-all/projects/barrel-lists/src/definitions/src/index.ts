// valid
export * from './widgets';
export * from './kinds';
