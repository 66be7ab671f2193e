// valid
import type { Knex } from 'knex';
import { db } from '../db';
import type { CountLoans, InsertLoan } from '../domain/operations';

export const countLoansFactory =
  ({ db }: { db: Knex }): CountLoans =>
  async (bookId) => {
    const [row] = await db('loans').where({ bookId }).count({ total: '*' });
    return Number(row?.total ?? 0);
  };

export const insertLoan: InsertLoan = async (loan) => {
  await db('loans').insert(loan);
};
