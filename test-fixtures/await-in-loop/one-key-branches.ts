// An await on the branch of one key of an object's keys runs at most once: an object holds each key once. So does one on the
// branch of the one row, of those a call read, whose name or id equals a value, or whose secret a timing-safe comparison
// matches. The same branch over a list's items, over an item's field, over a field that sorts rows into kinds, a timing-safe
// comparison with a value each row brings, or every key's await, is reported.
import { timingSafeEqual } from 'node:crypto';

interface Account {
  id: string;
  email: string;
  plan: string;
}

interface Change {
  field: string;
  value: string;
}

declare function priceOf(plan: string): Promise<number>;
declare function sendVerification(accountId: string, email: string): Promise<void>;
declare function recordChange(accountId: string, field: string, value: unknown): Promise<boolean>;

export async function applyPatch(account: Account, patch: Record<string, string>): Promise<number[]> {
  const prices: number[] = [];
  for (const field of Object.keys(patch)) {
    if (field === 'plan') {
      prices.push(await priceOf(patch[field]!));
    } else if (field === 'email' && patch[field] !== account.email) {
      await sendVerification(account.id, patch[field]!);
    }
  }
  return prices;
}

export async function notifyPatch(account: Account, patch: Record<string, string>): Promise<void> {
  for (const [field, value] of Object.entries(patch)) {
    switch (field) {
      case 'email':
        await sendVerification(account.id, value);
        break;
      default:
        break;
    }
  }
}

export async function verifyEntries(account: Account, patch: Record<string, string>): Promise<void> {
  for (const [field, value] of Object.entries(patch)) {
    if ('email' === field && value !== account.email) await sendVerification(account.id, value);
  }
}

export async function auditPatch(account: Account, patch: Record<string, string>): Promise<void> {
  for (const [field, value] of Object.entries(patch)) {
    if (field === 'email') continue;
    const recorded = await recordChange(account.id, field, value);
    //               ^^^^^ await-in-loop
    void recorded;
  }
}

export async function notifyOtherKeys(account: Account, patch: Record<string, string>): Promise<void> {
  for (const field of Object.keys(patch)) {
    if (field !== 'plan') await recordChange(account.id, field, patch[field]);
    //                    ^^^^^ await-in-loop
  }
}

export async function verifyChanges(account: Account, changes: Change[]): Promise<void> {
  for (const change of changes) {
    if (change.field === 'email') await sendVerification(account.id, change.value);
    //                            ^^^^^ await-in-loop
  }
}

export async function verifyFields(account: Account, fields: string[], values: Record<string, string>): Promise<void> {
  for (const field of fields) {
    if (field === 'email') await sendVerification(account.id, values[field]!);
    //                     ^^^^^ await-in-loop
  }
}

declare function loadPlans(accountId: string): Promise<{ id: string; name: string; tier: string }[]>;
declare function announcePlan(accountId: string, planId: string): Promise<void>;

export async function announceChosenPlan(account: Account, planName: string): Promise<void> {
  const plans = await loadPlans(account.id);
  for (const plan of plans) {
    if (plan.name === planName) await announcePlan(account.id, plan.id);
  }
}

export async function announceTier(account: Account, tier: string): Promise<void> {
  const plans = await loadPlans(account.id);
  for (const plan of plans) {
    if (plan.tier === tier) await announcePlan(account.id, plan.id);
    //                      ^^^^^ await-in-loop
  }
}

interface StoredToken {
  id: string;
  lookup: string;
  digest: string;
  issuer: string;
}

declare function findTokensStartingWith(start: string): Promise<StoredToken[]>;
declare function verifyDigest(secret: string, digest: string): Promise<boolean>;

export async function tokenIdFor(secret: string, lookup: string): Promise<string | undefined> {
  const wanted = Buffer.from(lookup);
  const candidates = await findTokensStartingWith(lookup.slice(0, 4));
  let found: string | undefined;
  for (const candidate of candidates) {
    const stored = Buffer.from(candidate.lookup);
    if (wanted.length === stored.length && timingSafeEqual(wanted, stored)) {
      if (await verifyDigest(secret, candidate.digest)) found = candidate.id;
    }
  }
  return found;
}

export async function tokenIdsAgainstIssuer(secret: string, lookup: string): Promise<string[]> {
  const candidates = await findTokensStartingWith(lookup.slice(0, 4));
  const found: string[] = [];
  for (const candidate of candidates) {
    if (timingSafeEqual(Buffer.from(candidate.lookup), Buffer.from(candidate.issuer))) {
      if (await verifyDigest(secret, candidate.digest)) found.push(candidate.id);
      //  ^^^^^ await-in-loop
    }
  }
  return found;
}
