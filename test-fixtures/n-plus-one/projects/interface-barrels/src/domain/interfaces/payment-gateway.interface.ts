// valid
export interface IPaymentGateway {
  charge(invoiceId: string): Promise<void>;
}
