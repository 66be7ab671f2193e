// valid
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

const s3 = new S3Client({});

export async function uploadFile(key: string, body: Buffer): Promise<string> {
  await s3.send(new PutObjectCommand({ Bucket: 'uploads', Key: key, Body: body }));
  return `https://uploads.example.com/${key}`;
}
