// valid
import { DataTypes, type Transaction } from 'sequelize';
import sequelize from '../db';
import { ModelWithSlug } from './ModelWithSlug';

class InvoiceLine extends ModelWithSlug<Record<string, unknown>, Record<string, unknown>> {
  declare id: number;
  declare InvoiceId: number;
  declare amount: number;

  static async createFromData(data: Record<string, unknown>, invoiceId: number, transaction?: Transaction): Promise<InvoiceLine> {
    return InvoiceLine.create({ amount: data.amount, description: data.description, InvoiceId: invoiceId }, { transaction });
  }

  static async updateFromData(data: Record<string, unknown>, transaction?: Transaction): Promise<void> {
    await InvoiceLine.update({ amount: data.amount }, { where: { id: data.id }, transaction });
  }

  static label(data: Record<string, unknown>): string {
    return `${String(data.description)}: ${String(data.amount)}`;
  }
}

InvoiceLine.init(
  { amount: DataTypes.INTEGER, description: DataTypes.STRING, InvoiceId: DataTypes.INTEGER },
  { sequelize, tableName: 'InvoiceLines' },
);

export default InvoiceLine;
