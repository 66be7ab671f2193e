// valid
import { Resend } from 'resend';

const resend = new Resend(process.env.RESEND_API_KEY);

export async function sendInviteEmail(email: string, token: string) {
  await resend.emails.send({ from: 'team@example.com', to: email, subject: 'You are invited', text: token });
}
