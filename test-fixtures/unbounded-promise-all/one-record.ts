// The parts of one record (a row a query loaded, a parameter typed as one record) and a list the function
// caps before the fan-out are bounded; many rows, request input, a cap that lets the function go on are not.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const MAX_ATTACHMENTS = 10;

declare function notify(email: string): Promise<void>;
declare function store(file: Blob): Promise<string>;
declare const logger: { warn(message: string): void };

export async function notifySigners(documentId: string): Promise<void> {
  const document = await prisma.document.findUniqueOrThrow({ where: { id: documentId }, include: { signers: true } });
  const pending = document.signers.filter((signer) => !signer.signedAt);
  await Promise.all(pending.map((signer) => notify(signer.email)));
}

export async function notifyTeam(teamId: string): Promise<void> {
  const team = await prisma.team.findFirst({ where: { id: teamId }, include: { members: true } });
  if (!team) return;
  const promises: Array<Promise<void>> = [];
  for (const member of team.members) promises.push(notify(member.email));
  await Promise.all(promises);
}

export async function notifyAll(teamId: string): Promise<void> {
  const members = await prisma.member.findMany({ where: { teamId } });
  await Promise.all(members.map((member) => notify(member.email)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

export async function attach(files: Blob[]): Promise<string[]> {
  if (files.length > MAX_ATTACHMENTS) {
    throw new Error(`At most ${MAX_ATTACHMENTS} files`);
  }
  return Promise.all(files.map((file) => store(file)));
}

export async function attachWithWarning(files: Blob[]): Promise<string[]> {
  if (files.length > MAX_ATTACHMENTS) logger.warn('many files');
  return Promise.all(files.map((file) => store(file)));
  //     ^^^^^^^^^^^ unbounded-promise-all
}

export async function attachOthers(files: Blob[], previous: Blob[]): Promise<string[]> {
  if (previous.length > MAX_ATTACHMENTS) return [];
  return Promise.all(files.map((file) => store(file)));
  //     ^^^^^^^^^^^ unbounded-promise-all
}

interface Post {
  media?: Array<{ path: string }>;
}

interface PublishInput {
  mediaPaths: string[];
}

declare function resize(path: string): Promise<Blob>;

/** The media of one post the caller hands over: as many as the post holds. */
export async function resizeMedia(post: Post): Promise<Blob[]> {
  const images = post.media?.filter((item) => !item.path.endsWith('.mp4')) || [];
  return Promise.all(images.map((image) => resize(image.path)));
}

/** A request's list: as long as the caller makes it. */
export async function resizeRequested(input: PublishInput): Promise<Blob[]> {
  return Promise.all(input.mediaPaths.map((path) => resize(path)));
  //     ^^^^^^^^^^^ unbounded-promise-all
}

/** A request that carries one record: the lists of that record are as many as it holds. */
interface EnrollInput {
  partnerId: string;
  group: { defaultLinks: Array<{ url: string }> };
  links: Array<{ url: string }>;
  data: { links: Array<{ url: string }> };
}

declare function createLink(partnerId: string, url: string): Promise<void>;

export async function createGroupLinks({ partnerId, group: { defaultLinks = [] } }: EnrollInput): Promise<void> {
  await Promise.allSettled(defaultLinks.map((link) => createLink(partnerId, link.url)));
}

export async function createGroupLinksOf(input: EnrollInput): Promise<void> {
  await Promise.allSettled(input.group.defaultLinks.map((link) => createLink(input.partnerId, link.url)));
}

/** Still reported: the input's own list, and one nested in its data rather than in a record. */
export async function createRequestedLinks({ partnerId, links, data: { links: more } }: EnrollInput): Promise<void> {
  await Promise.allSettled(links.map((link) => createLink(partnerId, link.url)));
  //    ^^^^^^^^^^^^^^^^^^ unbounded-promise-all
  await Promise.allSettled(more.map((link) => createLink(partnerId, link.url)));
  //    ^^^^^^^^^^^^^^^^^^ unbounded-promise-all
}

/** A list made from the capped one by steps that never add items is capped too; one made by flatMap or from another list is not. */
type BatchItem = { parentId?: string; tags: string[] };

declare function canWriteParent(parentId: string): Promise<boolean>;

export async function authorizeBatch(body: { items: BatchItem[]; extra: BatchItem[] }): Promise<boolean[]> {
  if (body.items.length > MAX_ATTACHMENTS) throw new Error('Too many items');
  const parentIds = Array.from(new Set(body.items.map((item) => item.parentId).filter((id): id is string => id !== undefined)));
  const granted = await Promise.all(parentIds.map((parentId) => canWriteParent(parentId)));
  const tags = body.items.flatMap((item) => item.tags);
  await Promise.all(tags.map((tag) => canWriteParent(tag)));
  //    ^^^^^^^^^^^ unbounded-promise-all
  const extraIds = Array.from(new Set(body.extra.map((item) => item.parentId ?? '')));
  await Promise.all(extraIds.map((parentId) => canWriteParent(parentId)));
  //    ^^^^^^^^^^^ unbounded-promise-all
  return granted;
}

declare function runAction(actionId: string): Promise<void>;

export async function fireSingleAction(actionIds: string[]): Promise<void> {
  if (actionIds.length !== 1) {
    throw new Error('A trigger runs exactly one action');
  }
  await Promise.all(actionIds.map((actionId) => runAction(actionId)));
}

export async function fireActions(actionIds: string[]): Promise<void> {
  if (actionIds.length === 0) throw new Error('no action');
  await Promise.all(actionIds.map((actionId) => runAction(actionId)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

declare function findActions(actionIds: string[]): Promise<string[]>;

export async function fireFoundActions(actionIds: string[]): Promise<void> {
  const found = await findActions(actionIds);
  if (found.length !== new Set(actionIds).size) throw new Error('unknown action');
  await Promise.all(found.map((actionId) => runAction(actionId)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}
