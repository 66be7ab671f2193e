// valid
export * from './locales';
export * from './origins';
