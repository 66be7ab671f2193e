// valid
export { createDb } from './drivers';
