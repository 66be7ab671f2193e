import { Model, Op } from 'sequelize';

class Shipment extends Model {
  declare id: string;
  declare status: string;
  declare trackingCode: string | null;

  static async openFor(orderId: string) {
    return Shipment.create({ orderId, status: 'open' });
  }

  async dispatch(trackingCode: string) {
    this.trackingCode = trackingCode;
    this.status = 'dispatched';
    await this.save();
  }

  label() {
    return `${this.status}: ${this.trackingCode ?? 'none'}`;
  }
}

export async function dispatchAll(ids: string[], trackingCode: string) {
  const shipments = await Shipment.findAll({ where: { id: { [Op.in]: ids } } });
  for (const shipment of shipments) {
    await shipment.dispatch(trackingCode);
//        ^^^^^^^^^^^^^^^^^ n-plus-one
  }
  return shipments.map((shipment) => shipment.label());
}

export async function openAll(orderIds: string[]) {
  for (const orderId of orderIds) {
    await Shipment.openFor(orderId);
//        ^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function dispatchAtOnce(ids: string[], trackingCode: string) {
  await Shipment.update({ trackingCode, status: 'dispatched' }, { where: { id: { [Op.in]: ids } } });
}
