import { Model, Op } from 'sequelize';

class Invoice extends Model {
  declare id: string;
  declare total: number;
}

export class StatementService {
  readonly #cache = new Map<string, number>();

  async #loadInvoice(id: string) {
    return Invoice.findByPk(id);
  }

  #totalOf(id: string) {
    return this.#cache.get(id) ?? 0;
  }

  readonly #archive = async (id: string) => {
    await Invoice.update({ total: 0 }, { where: { id } });
  };

  async build(ids: string[]) {
    const lines = [];
    for (const id of ids) {
      const invoice = await this.#loadInvoice(id);
//                          ^^^^^^^^^^^^^^^^^ n-plus-one
      lines.push({ invoice, cached: this.#totalOf(id) });
    }
    return lines;
  }

  async archiveAll(ids: string[]) {
    await Promise.all(ids.map((id) => this.#archive(id)));
//                                    ^^^^^^^^^^^^^ n-plus-one
  }

  async buildOnce(ids: string[]) {
    const invoices = await Invoice.findAll({ where: { id: { [Op.in]: ids } } });
    return invoices.map((invoice) => ({ invoice, cached: this.#totalOf(invoice.id) }));
  }
}
