// valid
import InvoiceLine from './InvoiceLine';

const models = { InvoiceLine } as const;

export default models;
export { InvoiceLine };
