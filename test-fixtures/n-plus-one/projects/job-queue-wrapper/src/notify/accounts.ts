import { createSupabase } from '../supabase';

export async function relink(matches: Array<{ accountId: string; externalId: string }>) {
  const supabase = createSupabase();
  for (const match of matches) {
    await supabase.from('bank_accounts').update({ external_id: match.externalId }).eq('id', match.accountId);
    //    ^^^^^^^^^^^^^ n-plus-one
  }
}
