// valid
export interface Invoice {
  id: string;
  customerId: string;
  total: number;
}

export interface IInvoiceRepository {
  findById(id: string): Promise<Invoice | null>;
  markPaid(id: string): Promise<void>;
}

export const INVOICE_REPOSITORY = Symbol('IInvoiceRepository');
