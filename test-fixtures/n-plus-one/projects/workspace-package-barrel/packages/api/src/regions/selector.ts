// valid
import type { Knex } from 'knex'
import { MS, pause } from '@ledger/common'
import { db } from '../db/knex.js'
import { regionResolverFactory, type GetAccountDb } from './resolver.js'

let getter: GetAccountDb | undefined

const initializeGetter = async (): Promise<GetAccountDb> => regionResolverFactory({ getDefaultDb: () => db })

export const getAccountDb: GetAccountDb = async ({ accountId }) => {
  if (!getter) getter = await initializeGetter()
  return await getter({ accountId })
}

export const detachRegion = async (target: Knex, name: string) => {
  await target.raw('select disable_subscription(?)', [name])
  await pause(MS.second)
  await target.raw('select drop_subscription(?)', [name])
}
