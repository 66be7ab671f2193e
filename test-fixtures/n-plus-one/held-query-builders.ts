import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { pgTable, text } from 'drizzle-orm/pg-core';
import knex from 'knex';
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import { Column, DataSource, Entity, EntityManager, PrimaryGeneratedColumn, Repository } from 'typeorm';

@Entity()
export class Shipment {
  @PrimaryGeneratedColumn() id!: number;
  @Column() orderId!: number;
  @Column() carrier!: string;
}

@Injectable()
export class ShipmentService {
  constructor(
    @InjectRepository(Shipment) private readonly shipments: Repository<Shipment>,
    private readonly dataSource: DataSource,
    private readonly manager: EntityManager,
  ) {}

  async latestPerOrder(orderIds: number[], carrier?: string) {
    const latest = [];
    for (const orderId of orderIds) {
      const query = this.shipments.createQueryBuilder('shipment').where('shipment.orderId = :orderId', { orderId });
//                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      if (carrier) query.andWhere('shipment.carrier = :carrier', { carrier });
      latest.push(await query.orderBy('shipment.id', 'DESC').getOne());
    }
    return latest;
  }

  async countsPerOrder(orderIds: number[]) {
    const counts = [];
    for (const orderId of orderIds) {
      const query = this.dataSource.createQueryBuilder().select('shipment').from(Shipment, 'shipment');
//                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      query.where('shipment.orderId = :orderId', { orderId });
      counts.push(await query.getCount());
    }
    return counts;
  }

  async rawPerOrder(orderIds: number[]) {
    const rows = [];
    for (const orderId of orderIds) {
      const query = this.manager.createQueryBuilder(Shipment, 'shipment').where('shipment.orderId = :orderId', { orderId });
//                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      rows.push(await query.getRawMany());
    }
    return rows;
  }

  async carriersOf(orderId: number) {
    const query = this.shipments.createQueryBuilder('shipment').select('shipment.carrier');
    query.where('shipment.orderId = :orderId', { orderId });
    return query.getMany();
  }

  async carriersPerOrder(orderIds: number[]) {
    return Promise.all(orderIds.map((orderId) => this.carriersOf(orderId)));
//                                               ^^^^^^^^^^^^^^^ n-plus-one
  }
}

interface Database {
  parcel: { id: string; order_id: string; weight: number };
}

const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new Pool() }) });

export async function parcelsPerOrder(orderIds: string[], minWeight?: number) {
  const parcels = [];
  for (const orderId of orderIds) {
    let query = db.selectFrom('parcel').selectAll();
//              ^^^^^^^^^^^^^ n-plus-one
    query = query.where('order_id', '=', orderId);
    if (minWeight !== undefined) query = query.where('weight', '>=', minWeight);
    parcels.push(await query.execute());
  }
  return parcels;
}

async function heaviestParcel(orderId: string) {
  let query = db.selectFrom('parcel').selectAll().orderBy('weight', 'desc');
  query = query.where('order_id', '=', orderId);
  return query.executeTakeFirst();
}

export async function heaviestPerOrder(orderIds: string[]) {
  const heaviest = [];
  for (const orderId of orderIds) heaviest.push(await heaviestParcel(orderId));
//                                                    ^^^^^^^^^^^^^^ n-plus-one
  return heaviest;
}

const warehouse = knex({ client: 'pg', connection: process.env.WAREHOUSE_URL });

export async function stockPerSku(skus: string[], onlyAvailable: boolean) {
  const stock = [];
  for (const sku of skus) {
    const query = warehouse('stock').where({ sku });
//                ^^^^^^^^^ n-plus-one
    if (onlyAvailable) query.andWhere('quantity', '>', 0);
    stock.push(await query);
    const first = warehouse('bins').where({ sku });
//                ^^^^^^^^^ n-plus-one
    stock.push(await first.first());
  }
  return stock;
}

const labels = pgTable('labels', { id: text('id'), shipmentId: text('shipment_id') });
const orm = drizzle(process.env.DATABASE_URL!);

export async function labelsPerShipment(shipmentIds: string[]) {
  const found = [];
  for (const shipmentId of shipmentIds) {
    const query = orm.select().from(labels).where(eq(labels.shipmentId, shipmentId)).$dynamic();
//                ^^^^^^^^^^ n-plus-one
    found.push(await query);
  }
  return found;
}

export class ShipmentLookups {
  constructor(@InjectRepository(Shipment) private readonly shipments: Repository<Shipment>) {}

  async firstPerOrder(orderIds: number[]) {
    const query = this.shipments.createQueryBuilder('shipment').orderBy('shipment.id');
    const first = [];
    for (const orderId of orderIds) first.push(await query.where('shipment.orderId = :orderId', { orderId }).getOne());
//                                                   ^^^^^^^^^^^ n-plus-one
    return first;
  }

  async countPerOrder(orderIds: number[]) {
    const query = this.shipments.createQueryBuilder('shipment');
    return Promise.all(orderIds.map((orderId) => query.clone().where('shipment.orderId = :orderId', { orderId }).getCount()));
//                                               ^^^^^^^^^^^ n-plus-one
  }
}

export async function parcelsOfOrders(orderIds: string[]) {
  const base = db.selectFrom('parcel').select(['id', 'weight']);
  const parcels = [];
  for (const orderId of orderIds) parcels.push(await base.where('order_id', '=', orderId).execute());
//                                                   ^^^^^^^^^^ n-plus-one
  return parcels;
}

export async function binsOfSkus(skus: string[]) {
  const base = warehouse('bins').select('id');
  const bins = [];
  for (const sku of skus) bins.push(await base.clone().where({ sku }));
//                                        ^^^^^^^^^^ n-plus-one
  return bins;
}
