import { initTRPC } from '@trpc/server';
import { Column, Entity, ManyToOne, PrimaryGeneratedColumn, BaseEntity } from 'typeorm';
import { BelongsTo, Column as SequelizeColumn, HasMany, Model, Table } from 'sequelize-typescript';
import type { Context } from './trpc-context';

@Entity()
export class Invoice extends BaseEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column() customerId!: number;
  @ManyToOne(() => Invoice, { lazy: true }) replaces!: Promise<Invoice>;
}

@Table
export class Team extends Model {
  @SequelizeColumn name!: string;
  @HasMany(() => Player) players!: Player[];
}

@Table
export class Player extends Model {
  @SequelizeColumn teamId!: number;
  @BelongsTo(() => Team) team!: Team;
}

export async function reissued(ids: number[]) {
  const invoices = [];
  for (const id of ids) invoices.push(await Invoice.findOneBy({ id }));
//                                          ^^^^^^^^^^^^^^^^^ n-plus-one
  return invoices;
}

export async function rosters() {
  const teams = await Team.findAll();
  const sizes: number[] = [];
  for (const team of teams) sizes.push((await team.$get('players')).length);
//                                            ^^^^^^^^^ n-plus-one
  return sizes;
}

const t = initTRPC.context<Context>().create();

export const router = t.router({
  owners: t.procedure.query(async ({ ctx }) => {
    const projects = await ctx.prisma.project.findMany();
    const owners = [];
    for (const project of projects) owners.push(await ctx.prisma.user.findUnique({ where: { id: project.ownerId } }));
//                                                    ^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    return owners;
  }),
});
