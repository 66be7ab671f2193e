// valid
import { createTransport } from 'nodemailer';

const pickTransport = <T>(makers: Record<string, () => T>) => makers[process.env.MAIL_TRANSPORT ?? 'smtp']!();

export const createMailer = () =>
  pickTransport({
    smtp: () => createTransport({ host: process.env.SMTP_HOST }),
    file: () => createTransport({ streamTransport: true }),
  });
