// The advice names the column each item filters on: past joins, filters on constants, and with a grouped count for a count.
import knex from 'knex';

const db = knex({ client: 'pg' });

export async function rulesWithTriggers(rules: Array<{ id: number }>) {
  const result = [];
  for (const rule of rules) {
    const triggers = await db('rule_triggers as rt')
    //                     ^^ n-plus-one
      .join('triggers as t', 'rt.trigger_id', 't.id')
      .select('t.*')
      .where('rt.rule_id', rule.id);
    result.push({ ...rule, triggers });
  }
  return result;
}

export async function activeSubscriptionCounts(channels: Array<{ channelId: string }>) {
  const counts: Record<string, number> = {};
  for (const channel of channels) {
    const row = await db('subscriptions')
    //                ^^ n-plus-one
      .where('channel_id', channel.channelId)
      .andWhere('status', 'ACTIVE')
      .whereNull('deleted_at')
      .count('id as count')
      .first();
    counts[channel.channelId] = Number(row?.count ?? 0);
  }
  return counts;
}

export async function openInvoices(customers: Array<{ id: string; region: string }>) {
  for (const customer of customers) {
    await db('invoices').where({ customer_id: customer.id, state: 'open' }).update({ reminded: true });
    //    ^^ n-plus-one
  }
}

// Two filters that change per item name no single column: one query matches every pair.
export async function pricesFor(items: Array<{ sku: string; currency: string }>) {
  for (const item of items) {
    await db('prices').where('sku', item.sku).andWhere('currency', item.currency).first();
    //    ^^ n-plus-one
  }
}
