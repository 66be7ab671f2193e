// valid: builders made once and run once, or made per item and run together as one statement
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { pgTable, text } from 'drizzle-orm/pg-core';
import knex from 'knex';
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import { Column, Entity, PrimaryGeneratedColumn, Repository } from 'typeorm';

@Entity()
export class Ticket {
  @PrimaryGeneratedColumn() id!: number;
  @Column() boardId!: number;
  @Column() label!: string;
}

@Injectable()
export class TicketService {
  constructor(@InjectRepository(Ticket) private readonly tickets: Repository<Ticket>) {}

  async withAnyLabel(boardId: number, labels: string[]) {
    const query = this.tickets.createQueryBuilder('ticket').where('ticket.boardId = :boardId', { boardId });
    for (const [index, label] of labels.entries()) query.orWhere(`ticket.label = :label${index}`, { [`label${index}`]: label });
    return query.getMany();
  }

  async lastBoardOnly(boardIds: number[]) {
    let query = this.tickets.createQueryBuilder('ticket');
    for (const boardId of boardIds) {
      query = this.tickets.createQueryBuilder('ticket').where('ticket.boardId = :boardId', { boardId });
    }
    return query.getMany();
  }

  sqlPerBoard(boardIds: number[]) {
    const parts = [];
    for (const boardId of boardIds) {
      const query = this.tickets.createQueryBuilder('ticket').where('ticket.boardId = :boardId', { boardId });
      parts.push(query.getQuery());
    }
    return parts.join(' UNION ALL ');
  }
}

interface Database {
  reading: { id: string; sensor_id: string; value: number };
}

const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new Pool() }) });

export async function readingsOfSensors(sensorIds: string[]) {
  let query = db.selectFrom('reading').selectAll();
  for (const sensorId of sensorIds) query = query.where('sensor_id', '!=', sensorId);
  return query.execute();
}

export async function latestPerSensor(sensorIds: string[]) {
  const parts = [];
  for (const sensorId of sensorIds) {
    const query = db.selectFrom('reading').selectAll().where('sensor_id', '=', sensorId).limit(1);
    parts.push(query);
  }
  return parts.reduce((union, part) => union.unionAll(part)).execute();
}

const warehouse = knex({ client: 'pg', connection: process.env.WAREHOUSE_URL });

export async function newestPerBin(binIds: string[]) {
  const parts = [];
  for (const binId of binIds) {
    const query = warehouse('moves').where({ bin_id: binId }).orderBy('id', 'desc').limit(1);
    parts.push(query);
  }
  return warehouse.unionAll(parts, true);
}

const events = pgTable('events', { id: text('id'), streamId: text('stream_id') });
const orm = drizzle(process.env.DATABASE_URL!);

export async function deleteStreams(streamIds: string[]) {
  const statements = [];
  for (const streamId of streamIds) {
    const statement = orm.delete(events).where(eq(events.streamId, streamId));
    statements.push(statement);
  }
  await orm.batch(statements);
}

export async function everyReading(handle: (rows: unknown[]) => void) {
  const base = db.selectFrom('reading').selectAll().orderBy('id');
  let offset = 0;
  for (;;) {
    const page = await base.offset(offset).limit(500).execute();
    if (page.length === 0) return;
    handle(page);
    offset += page.length;
  }
}
