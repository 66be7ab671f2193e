// A server renders e-mails with React's createElement: importing react alone does not make a file browser code.
import { createElement } from 'react';

declare function renderEmail(element: unknown): Promise<string>;
declare function sendEmail(to: string, html: string): Promise<void>;
declare const Template: (props: { name: string }) => unknown;

export async function notifyAll(recipients: Array<{ email: string; name: string }>): Promise<void> {
  await Promise.all(recipients.map(async (recipient) => sendEmail(recipient.email, await renderEmail(createElement(Template, { name: recipient.name })))));
  //    ^^^^^^^^^^^ unbounded-promise-all
}
