// valid
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

const s3 = new S3Client({});

export async function uploadAvatar(file: Blob): Promise<string> {
  const key = `avatars/${crypto.randomUUID()}`;
  await s3.send(new PutObjectCommand({ Bucket: 'avatars', Key: key, Body: new Uint8Array(await file.arrayBuffer()) }));
  return `https://cdn.example.com/${key}`;
}
