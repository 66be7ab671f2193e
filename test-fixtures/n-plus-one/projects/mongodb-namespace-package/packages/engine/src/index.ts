// valid
export * as driver from 'mongodb';
export * as events from './events.ts';
export * from './events.ts';
