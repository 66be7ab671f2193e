import { render } from '@react-email/components';
import { Resend } from 'resend';

declare function WeeklyDigest(props: { name: string; unsubscribeUrl: string }): unknown;

const resend = new Resend(process.env.RESEND_API_KEY);

interface Member {
  name: string;
  email: string;
}

// Rendering an e-mail is work in memory: the batch is built at once, then sent in one call.
export async function sendDigests(members: Member[]) {
  const emails = await Promise.all(
    members.map(async (member) => {
      const unsubscribeUrl = `https://example.com/unsubscribe?email=${encodeURIComponent(member.email)}`;
      const html = await render(WeeklyDigest({ name: member.name, unsubscribeUrl }));
      return { from: 'digest@example.com', to: member.email, subject: 'Your week', html };
    }),
  );
  await resend.batch.send(emails);
}

// Teams, each with the renders of its members: still no request until the batch is sent.
export async function renderForTeams(teams: Array<{ members: Member[] }>) {
  return Promise.all(
    teams.map(async (team) =>
      Promise.all(team.members.map(async (member) => render(WeeklyDigest({ name: member.name, unsubscribeUrl: '' }), { plainText: true }))),
    ),
  );
}

// One request per member, all at once.
export async function sendEachDigest(members: Member[]) {
  await Promise.all(
//      ^^^^^^^^^^^ unbounded-promise-all
    members.map(async (member) => {
      const html = await render(WeeklyDigest({ name: member.name, unsubscribeUrl: '' }));
      return resend.emails.send({ from: 'digest@example.com', to: member.email, subject: 'Your week', html });
    }),
  );
}
