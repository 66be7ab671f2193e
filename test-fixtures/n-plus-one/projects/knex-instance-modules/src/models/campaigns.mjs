// valid
import db from '../db/connection.js';

export async function campaignTitle(campaignId) {
  const row = await db('campaigns').where({ id: campaignId }).first('title');
  return row?.title;
}
