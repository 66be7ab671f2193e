// A loop that leaves when a row it looked up is missing validates every item: when all rows are there, it reads them all.
// A loop that leaves on a row it found is a search that stops at the first success.
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import { attachments, handles } from './schema';

const db = drizzle(new Pool({ connectionString: process.env.DATABASE_URL }));

interface Reply {
  json(body: unknown, status: number): Response;
}

export async function checkAttachments(reply: Reply, attachmentIds: string[]) {
  for (const attachmentId of attachmentIds) {
    const [attachment] = await db.select().from(attachments).where(eq(attachments.id, attachmentId));
//                             ^^^^^^^^^ n-plus-one
    if (attachment == null) return reply.json({ error: 'Attachment not found' }, 422);
  }
  return null;
}

export async function allAttachmentsExist(attachmentIds: string[]): Promise<boolean> {
  for (const attachmentId of attachmentIds) {
    const [attachment] = await db.select().from(attachments).where(eq(attachments.id, attachmentId));
//                             ^^^^^^^^^ n-plus-one
    if (!attachment) {
      return false;
    }
  }
  return true;
}

export async function requireAttachments(attachmentIds: string[]): Promise<void> {
  for (const attachmentId of attachmentIds) {
    const [attachment] = await db.select().from(attachments).where(eq(attachments.id, attachmentId));
//                             ^^^^^^^^^ n-plus-one
    if (!attachment) throw new Error(`Attachment ${attachmentId} not found`);
  }
}

export async function validateAttachments(attachmentIds: string[]) {
  for (const attachmentId of attachmentIds) {
    const [attachment] = await db.select().from(attachments).where(eq(attachments.id, attachmentId));
//                             ^^^^^^^^^ n-plus-one
    if (!attachment) return { success: false, message: `Attachment ${attachmentId} not found` };
  }
  return { success: true };
}

export async function firstFreeHandle(candidates: string[]): Promise<string | null> {
  for (const candidate of candidates) {
    const [taken] = await db.select().from(handles).where(eq(handles.name, candidate));
    if (!taken) return candidate;
  }
  return null;
}

export async function firstClaimedHandle(candidates: string[]) {
  for (const candidate of candidates) {
    const [claimed] = await db.select().from(handles).where(eq(handles.name, candidate));
    if (claimed) return claimed;
  }
  return null;
}
