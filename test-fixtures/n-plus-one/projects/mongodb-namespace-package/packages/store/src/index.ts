// valid
import * as mongodb from 'mongodb';
import * as lru from 'lru-cache';

export { createDb } from './connect.ts';
export { lru, mongodb };

export const filterById = (id: string) => ({ _id: id });
