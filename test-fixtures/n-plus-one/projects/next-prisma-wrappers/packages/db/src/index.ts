// valid
export * from '.prisma/client';
export * from './flags';
