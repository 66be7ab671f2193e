// valid
export { default as Document } from './Document';
