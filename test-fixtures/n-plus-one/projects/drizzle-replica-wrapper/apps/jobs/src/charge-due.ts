import { db as shared, loadSettings, type Settings } from '@ledger/store/client';
import { findPayment, setPaymentState } from '@ledger/store/queries';
import { connection } from './connection';

export async function chargeDue(plans: Array<{ id: string; nextCycle: number }>) {
  const db = connection();
  for (const plan of plans) {
    const payment = await findPayment(db, { planId: plan.id, cycle: plan.nextCycle });
//                        ^^^^^^^^^^^ n-plus-one
    if (payment) await setPaymentState(db, { id: payment.id, state: 'charged' });
//                     ^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function pausePayments(ids: string[]) {
  await shared.transaction(async (tx) => {
    for (const id of ids) {
      await setPaymentState(tx, { id, state: 'paused' });
//          ^^^^^^^^^^^^^^^ n-plus-one
    }
  });
}

// A wrapper that is not a client: its `update` writes to a map.
export async function refreshSettings(settings: Settings, keys: string[]) {
  for (const key of keys) {
    await settings.update(key, 'on');
//  ^^^^^ await-in-loop
  }
}

export async function refreshAll(keys: string[]) {
  const settings = await loadSettings();
  await refreshSettings(settings, keys);
}
