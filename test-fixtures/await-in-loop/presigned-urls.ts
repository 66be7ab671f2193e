// Signing a URL needs no request: the SDK's presigner, aws4fetch's signer and the project's wrapper named for it compute
// the signature with a key this process holds. The download that follows a signed URL is a request, and is reported.
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { AwsClient } from 'aws4fetch';

interface Attachment {
  key: string;
  name: string;
}

interface Storage {
  getSignedDownloadUrl(options: { key: string; expiresIn: number }): Promise<string>;
}

declare const storage: Storage;
const s3 = new S3Client({});
const r2 = new AwsClient({ accessKeyId: 'id', secretAccessKey: 'secret', service: 's3' });

export async function linksFor(attachments: Attachment[]): Promise<string[]> {
  const links: string[] = [];
  for (const attachment of attachments) {
    links.push(await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'files', Key: attachment.key }), { expiresIn: 600 }));
  }
  return links;
}

export async function wrappedLinksFor(attachments: Attachment[]): Promise<Array<{ name: string; url: string }>> {
  const links: Array<{ name: string; url: string }> = [];
  for (const attachment of attachments) {
    const url = await storage.getSignedDownloadUrl({ key: attachment.key, expiresIn: 1800 });
    links.push({ name: attachment.name, url });
  }
  return links;
}

export async function signedRequests(keys: string[]): Promise<string[]> {
  const urls: string[] = [];
  for (const key of keys) {
    const signed = await r2.sign(`https://files.example.com/${key}`, { aws: { signQuery: true } });
    urls.push(signed.url);
  }
  return urls;
}

export async function downloads(attachments: Attachment[]): Promise<ArrayBuffer[]> {
  const bodies: ArrayBuffer[] = [];
  for (const attachment of attachments) {
    const url = await storage.getSignedDownloadUrl({ key: attachment.key, expiresIn: 1800 });
    const response = await fetch(url);
    //               ^^^^^ await-in-loop
    bodies.push(await response.arrayBuffer());
  }
  return bodies;
}
