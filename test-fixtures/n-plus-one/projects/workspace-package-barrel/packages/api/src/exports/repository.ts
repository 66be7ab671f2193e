// valid
import type { Knex } from 'knex'

export const markExportStartedFactory =
  ({ db }: { db: Knex }) =>
  async (exportId: string) => {
    await db('exports').where({ id: exportId }).update({ status: 'started' })
  }
