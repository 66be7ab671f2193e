// valid
export interface AuditTrail {
  record(entry: string): Promise<void>;
}

export interface Clock {
  now(): Promise<Date>;
}

export interface InvoiceGateway {
  byNumber(number: string): Promise<{ total: number } | null>;
}

export interface NoteStore {
  read(id: string): Promise<string | null>;
}
