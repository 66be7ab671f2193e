// valid
import { MS, pause } from '@ledger/common'

export const refreshEvery = async (load: () => Promise<void>, rounds: number) => {
  for (let round = 0; round < rounds; round++) {
    await load()
    await pause(MS.minute)
  }
}
