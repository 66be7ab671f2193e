import prisma from '@flowbuilder/prisma';
import { replica } from '@flowbuilder/prisma/replica';
import { settings } from '@flowbuilder/prisma/settings';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { saveAttachment } from './saveAttachment';

const s3 = new S3Client({});

type Result = { id: string; typebotId: string; files: Array<{ name: string; body: Buffer }> };

export async function archiveResults(results: Result[]) {
  for (const result of results) {
    const typebot = await prisma.typebot.findUnique({ where: { id: result.typebotId }, select: { name: true } });
//                        ^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    await prisma.result.update({ where: { id: result.id }, data: { isArchived: true, title: typebot?.name } });
//        ^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function countAnswers(results: Result[]) {
  return Promise.all(results.map((result) => replica.answer.count({ where: { resultId: result.id } })));
//                                           ^^^^^^^^^^^^^^^^^^^^ n-plus-one
}

export function labels(results: Result[]) {
  return results.map((result) => settings.get(result.typebotId) ?? result.id);
}

// Each attachment row records where its upload went: the uploads are what the loop waits on.
export async function storeAttachments(result: Result) {
  const attachments = [];
  for (const file of result.files) {
    const stored = await s3.send(new PutObjectCommand({ Bucket: 'uploads', Key: `${result.id}/${file.name}`, Body: file.body }));
//                 ^^^^^ await-in-loop
    attachments.push(await saveAttachment(result.id, stored.VersionId ?? file.name));
  }
  return attachments;
}

// The files are already stored: one row per file, through a helper whose client is a default import.
export async function recordAttachments(result: Result, urls: string[]) {
  for (const url of urls) {
    await saveAttachment(result.id, url);
//        ^^^^^^^^^^^^^^ n-plus-one
  }
}
