import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

declare const renderer: { render(invoiceId: string): Promise<string> };
declare const previews: { render(file: string): Promise<string> };
declare const mailer: { send(to: string, subject: string): Promise<void> };

export async function openInvoices() {
  let invoices = await prisma.invoice.findMany({ where: { status: 'open' } });
  invoices = await Promise.all(
    //             ^^^^^^^^^^^ unbounded-promise-all
    invoices.map(async (invoice) => ({ ...invoice, pdfUrl: await renderer.render(invoice.id) })),
  );
  return invoices;
}

export async function versionPages(versionId: string, hasPages: boolean) {
  let pages;
  if (hasPages) {
    pages = await prisma.documentPage.findMany({ where: { versionId }, orderBy: { pageNumber: 'asc' } });
    pages = await Promise.all(pages.map(async (page) => ({ ...page, image: await previews.render(page.file) })));
    //            ^^^^^^^^^^^ unbounded-promise-all
  }
  return pages ?? [];
}

export async function remindFirstMembers(teamId: string | undefined): Promise<void> {
  let members: { email: string }[] = [];
  if (teamId) members = await prisma.member.findMany({ where: { teamId }, take: 25 });
  await Promise.all(members.map((member) => mailer.send(member.email, 'Welcome')));
}

export async function remindAdmins(): Promise<void> {
  let admins = await prisma.user.findMany({ where: { role: 'admin' } });
  admins = await prisma.user.findMany({ where: { role: 'admin' }, orderBy: { createdAt: 'asc' }, take: 3 });
  await Promise.all(admins.map((admin) => mailer.send(admin.email, 'Weekly report')));
}
