// valid
// The domain's ports, named by the application through this one module.
export * from './invoice-repository.interface';
export * from './types';
export type { IPaymentGateway } from './payment-gateway.interface';
