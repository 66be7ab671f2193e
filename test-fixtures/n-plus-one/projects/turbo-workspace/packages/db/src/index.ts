// valid
export * from './client';
export { getRedis as redis } from './redis';
