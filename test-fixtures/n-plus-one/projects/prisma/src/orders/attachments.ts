// valid
import { prisma } from '../lib/prisma';

type Upload = { name: string; arrayBuffer: () => Promise<ArrayBuffer> };

/** Reads and stores the file first: that, not the row recorded after it, is the work per call. */
export async function storeAttachment(orderId: string, upload: Upload) {
  const bytes = await upload.arrayBuffer();
  return prisma.attachment.create({ data: { orderId, name: upload.name, size: bytes.byteLength } });
}
