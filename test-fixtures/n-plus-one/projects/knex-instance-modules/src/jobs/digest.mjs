import { campaignTitle } from '../models/campaigns.mjs';

export async function titles(campaignIds) {
  const result = [];
  for (const campaignId of campaignIds) {
    result.push(await campaignTitle(campaignId));
//                    ^^^^^^^^^^^^^ n-plus-one
  }
  return result;
}
