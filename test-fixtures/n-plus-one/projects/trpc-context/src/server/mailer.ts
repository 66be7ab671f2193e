// valid
import { createTransport } from 'nodemailer';

export const mailer = createTransport({ host: process.env.SMTP_HOST });
