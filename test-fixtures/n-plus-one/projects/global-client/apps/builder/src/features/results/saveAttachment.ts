// valid
import prisma from '@flowbuilder/prisma';

export const saveAttachment = (resultId: string, url: string) => prisma.attachment.create({ data: { resultId, url } });
