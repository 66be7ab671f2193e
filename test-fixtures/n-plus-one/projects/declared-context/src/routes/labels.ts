// valid
import type { Invoice } from '../models/invoice-model';
import type { ReportSink } from '../../types/report';
import type { ReqContext } from '../../types/request';

export function invoiceLabels(context: ReqContext, invoices: Invoice[]) {
  const labels: string[] = [];
  for (const invoice of invoices) {
    labels.push(context.models.invoices.label(invoice), context.money.format(invoice.cents));
  }
  return labels;
}

export function writeReport(sink: ReportSink, title: string, invoices: Invoice[]) {
  sink.append(title);
  invoices.forEach((invoice) => sink.append(invoice.id));
}
