// Promise.all over one transaction, over a page whose size is handed over by name, or over an imported constant list.
import { SUPPORTED_LOCALES } from './locales';
import { loadCatalog, Attachment, Notification, sequelize } from './models';

declare function redisScript(name: string, args: Array<number | string>): Promise<[number, string[]]>;
declare function loadJob(id: string): Promise<{ id: string } | undefined>;
declare function presentNotification(notification: Notification): Promise<object>;

export async function deleteAttachments(teamId: string): Promise<void> {
  await sequelize.transaction(async (transaction) => {
    const attachments = await Attachment.findAll({ where: { teamId }, transaction });
    await Promise.all(attachments.map((attachment) => attachment.destroy()));
  });
}

declare const prismaService: { $tx<T>(run: (prisma: { field: { update(args: object): Promise<void> } }) => Promise<T>): Promise<T> };

export async function renameTables(fields: Array<{ id: string; options: string }>): Promise<void> {
  await prismaService.$tx(async (prisma) => {
    await Promise.all(fields.map((field) => prisma.field.update({ where: { id: field.id }, data: { options: field.options } })));
  });
}

export async function archiveAll(userId: string): Promise<void> {
  const transaction = await sequelize.transaction();
  const notifications = await Notification.findAll({ where: { userId } });
  await Promise.all(notifications.map((notification) => notification.update({ archivedAt: new Date() }, { transaction })));
  await transaction.commit();
}

export async function listJobs(skip: number, take: number): Promise<Array<{ id: string } | undefined>> {
  const [, jobIds] = await redisScript('jobs-by-type', [skip, take]);
  return Promise.all(jobIds.map((id) => loadJob(id)));
}

export async function listNotifications(userId: string, offset: number, limit: number): Promise<object[]> {
  const [notifications, total] = await Promise.all([
    Notification.findAll({ where: { userId }, offset, limit }),
    Notification.count({ where: { userId } }),
  ]);
  void total;
  return Promise.all(notifications.map((notification) => presentNotification(notification)));
}

export const catalogs = Promise.all(SUPPORTED_LOCALES.map((locale) => loadCatalog(locale)));

export async function stillReported(userId: string): Promise<void> {
  const [notifications, total] = await Promise.all([Notification.findAll({ where: { userId } }), Notification.count({ where: { userId } })]);
  void total;
  await Promise.all(notifications.map((notification) => presentNotification(notification)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}
