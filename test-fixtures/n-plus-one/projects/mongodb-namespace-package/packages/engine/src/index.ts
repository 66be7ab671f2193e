// valid
export * as driver from 'mongodb';
export * from './events.ts';
