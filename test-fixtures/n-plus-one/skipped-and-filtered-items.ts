// Per-item queries in loops that skip items a look-up names as done, or walk some of the rows a read returned.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

interface Reminder {
  id: string;
  conversationId: string;
  sentAt: Date;
}

interface CalendarEvent {
  id: string;
  title: string;
  joinUrl: string | null;
}

declare function fetchLatestReminder(conversationId: string): Promise<Reminder | null>;
declare function fetchUpcomingEvents(accountId: string): Promise<{ events: CalendarEvent[]; complete: boolean }>;
declare function readStepFiles(): Promise<Array<{ name: string; sql: string }>>;

function doneReason({ processedByConversation, reminder }: { processedByConversation: Map<string, Set<string>>; reminder: Reminder }) {
  return processedByConversation.get(reminder.conversationId)?.has(reminder.id) ? 'already-sent' : undefined;
}

export async function sendReminders(accountId: string, conversationIds: string[], processedByConversation: Map<string, Set<string>>) {
  let skipped = 0;
  for (const conversationId of conversationIds) {
    const reminder = await fetchLatestReminder(conversationId);
//                   ^^^^^ await-in-loop
    if (!reminder) {
      skipped++;
      continue;
    }
    const reason = doneReason({ processedByConversation, reminder });
    if (reason) continue;
    const tracker = await prisma.reminderTracker.findFirst({ where: { accountId, conversationId } });
//                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    if (!tracker) await prisma.reminderTracker.create({ data: { accountId, conversationId, sentAt: reminder.sentAt } });
  }
  return skipped;
}

export async function bookRecorders(accountId: string) {
  const { events } = await fetchUpcomingEvents(accountId);
  const videoEvents = events.filter((event) => event.joinUrl);
  for (const event of videoEvents) {
    await prisma.recording.upsert({
//        ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      where: { accountId_eventId: { accountId, eventId: event.id } },
      create: { accountId, eventId: event.id, title: event.title },
      update: { title: event.title },
    });
  }
}

/** Steps read from files stay a script run in its order, filtered or not. */
export async function applySteps() {
  const steps = await readStepFiles();
  const pending = steps.filter((step) => step.sql.trim() !== '');
  for (const step of pending) {
    await prisma.$executeRawUnsafe(step.sql);
  }
}
