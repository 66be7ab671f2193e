// valid
export type { ICustomerRepository } from './customer-repository.interface';
