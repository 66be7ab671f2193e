// valid
import type { Knex } from 'knex'

export type GetAccountDb = (args: { accountId: string }) => Promise<Knex>

export const regionResolverFactory =
  ({ getDefaultDb }: { getDefaultDb: () => Knex }): GetAccountDb =>
  async () =>
    getDefaultDb()
