import sequelize from './db';
import models from './models';
import InvoiceLine from './models/InvoiceLine';

export async function addLines(invoiceId: number, lines: Array<Record<string, unknown>>) {
  return sequelize.transaction(async (transaction) => {
    return Promise.all(lines.map((line) => models.InvoiceLine.createFromData(line, invoiceId, transaction)));
//                                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  });
}

export async function editLines(lines: Array<Record<string, unknown>>) {
  for (const line of lines) {
    await InvoiceLine.updateFromData(line);
//        ^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export function labels(lines: Array<Record<string, unknown>>): string[] {
  return lines.map((line) => models.InvoiceLine.label(line));
}
