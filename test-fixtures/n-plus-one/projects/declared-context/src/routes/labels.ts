// valid
import type { Invoice } from '../models/invoice-model';
import type { ReportContext } from '../../types/report';
import type { ReqContext } from '../../types/request';

export function invoiceLabels(context: ReqContext, invoices: Invoice[]) {
  const labels: string[] = [];
  for (const invoice of invoices) {
    labels.push(context.models.invoices.label(invoice), context.money.format(invoice.cents));
  }
  return labels;
}

export function writeReport(report: ReportContext, invoices: Invoice[]) {
  report.sink.append(report.title);
  invoices.forEach((invoice) => report.sink.append(invoice.id));
}
