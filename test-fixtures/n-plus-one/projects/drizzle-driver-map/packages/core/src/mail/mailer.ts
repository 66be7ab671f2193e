// valid
import { createTransport } from 'nodemailer';
import { selectDriver } from '../db/select-driver';

export const createMailer = () =>
  selectDriver({
    postgres: () => createTransport({ host: process.env.SMTP_HOST }),
    sqlite: () => createTransport({ streamTransport: true }),
  });
