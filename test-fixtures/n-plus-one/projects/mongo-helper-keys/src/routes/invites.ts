import { findAccountByEmail, findActiveAccount, findMembership, getAccount } from '../db/accounts';

export async function inviters(invites: { inviterId: string }[]) {
  const accounts = [];
  for (const invite of invites) {
    accounts.push(await getAccount(invite.inviterId));
//                      ^^^^^^^^^^ n-plus-one
  }
  return accounts;
}

export async function knownEmails(emails: string[]) {
  const known = [];
  for (const email of emails) {
    if (await findAccountByEmail(email)) known.push(email);
//            ^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  return known;
}

export async function activeInvitees(emails: string[]) {
  const accounts = [];
  for (const email of emails) {
    accounts.push(await findActiveAccount(email));
//                      ^^^^^^^^^^^^^^^^^ n-plus-one
  }
  return accounts;
}

export async function teamMemberships(pairs: { accountId: string; teamId: string }[]) {
  const found = [];
  for (const pair of pairs) {
    found.push(await findMembership(pair.accountId, pair.teamId));
//                   ^^^^^^^^^^^^^^ n-plus-one
  }
  return found;
}
