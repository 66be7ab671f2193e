// valid
export * from './invoices-module.ts';
export * from './invoices-collection.ts';
