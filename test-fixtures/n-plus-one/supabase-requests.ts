// Supabase's PostgREST client: every awaited `from(table)` request is one HTTP round trip.
import { createClient } from '@supabase/supabase-js';

const supabase = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!);

export async function linkAccounts(matches: Array<{ accountId: string; externalId: string }>) {
  for (const match of matches) {
    const { error } = await supabase.from('bank_accounts').update({ external_id: match.externalId }).eq('id', match.accountId);
    //                      ^^^^^^^^^^^^^ n-plus-one
    if (error) console.warn(error.message);
  }
}

export async function archiveAll(teamId: string, ids: string[]) {
  for (const id of ids) {
    await supabase.from('documents').update({ archived: true }).eq('team_id', teamId).eq('id', id);
    //    ^^^^^^^^^^^^^ n-plus-one
  }
}

export async function ownersOf(projects: Array<{ ownerId: string }>) {
  return Promise.all(projects.map((project) => supabase.from('users').select('id, email').eq('id', project.ownerId).single()));
  //                                           ^^^^^^^^^^^^^ n-plus-one
}

export async function memberCounts(teams: Array<{ id: string }>) {
  const counts = new Map<string, number>();
  for (const team of teams) {
    const { count } = await supabase.from('members').select('*', { count: 'exact', head: true }).eq('team_id', team.id);
    //                      ^^^^^^^^^^^^^ n-plus-one
    counts.set(team.id, count ?? 0);
  }
  return counts;
}

export async function recordEvents(events: Array<{ kind: string; at: string }>) {
  for (const event of events) {
    await supabase.from('events').insert({ kind: event.kind, at: event.at });
    //    ^^^^^^^^^^^^^ n-plus-one
  }
}

export async function removeTags(tagIds: string[]) {
  for (const tagId of tagIds) {
    await supabase.from('tags').delete().eq('id', tagId);
    //    ^^^^^^^^^^^^^ n-plus-one
  }
}

// Not database requests per item: files of Storage (independent uploads, await-in-loop's), a request made once, and a builder only composed.
export async function uploadAll(files: Array<{ path: string; body: Blob }>) {
  for (const file of files) {
    await supabase.storage.from('avatars').upload(file.path, file.body);
//  ^^^^^ await-in-loop
  }
}

export async function loadOnce(ids: string[]) {
  const { data } = await supabase.from('users').select('id, email').in('id', ids);
  return data;
}
