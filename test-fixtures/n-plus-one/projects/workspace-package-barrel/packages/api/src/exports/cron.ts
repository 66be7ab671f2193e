import { db } from '../db/knex.js'
import { getAccountDb } from '../regions/selector.js'
import { markExportStartedFactory } from './repository.js'

export const startPendingExports = async () => {
  const pending = await db('exports').where({ status: 'pending' })
  for (const item of pending) {
    const accountDb = await getAccountDb({ accountId: item.accountId })
//                    ^^^^^ await-in-loop
    await markExportStartedFactory({ db })(item.id)
//        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    await accountDb('audit').insert({ exportId: item.id })
  }
}
