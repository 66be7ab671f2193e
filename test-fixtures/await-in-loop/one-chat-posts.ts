// Messages posted to one chat show in the order they were posted, whatever the loop awaits before each: a bot's photos and
// files sent to the chat it answers, by the chat's id, or to one thread. A message per user's own chat is reported.
interface Bot {
  sendPhoto(chatId: number, photo: Uint8Array, options?: { caption?: string }): Promise<void>;
  sendDocument(chatId: number, file: Uint8Array, options?: { caption?: string }): Promise<void>;
  sendMessage(chatId: number, text: string): Promise<void>;
}

interface Thread {
  post(text: string): Promise<void>;
}

interface Chart {
  title: string;
  series: number[];
}

declare function renderChart(chart: Chart): Promise<Uint8Array>;
declare function readGeneratedFile(name: string): Promise<Uint8Array>;
declare function summarize(issueId: string): Promise<string>;
declare function weeklyDigest(userId: string): Promise<string>;

export async function sendCharts(bot: Bot, chatId: number, charts: Chart[]): Promise<void> {
  for (const chart of charts) {
    const image = await renderChart(chart);
    await bot.sendPhoto(chatId, image, { caption: chart.title });
  }
}

export async function sendFiles(bot: Bot, chatId: number, names: string[]): Promise<void> {
  for (const name of names) {
    try {
      const file = await readGeneratedFile(name);
      await bot.sendDocument(chatId, file, { caption: name });
    } catch {
      await bot.sendMessage(chatId, `${name} could not be sent.`);
    }
  }
}

export async function postSummaries(thread: Thread, issueIds: string[]): Promise<void> {
  for (const issueId of issueIds) {
    const summary = await summarize(issueId);
    await thread.post(summary);
  }
}

export async function sendDigests(bot: Bot, users: Array<{ id: string; chatId: number }>): Promise<void> {
  for (const user of users) {
    const digest = await weeklyDigest(user.id);
//                 ^^^^^ await-in-loop
    await bot.sendMessage(user.chatId, digest);
  }
}

// The conversation named by a later argument, by an option or by the chat object itself: still one conversation.
interface SupportClient {
  sendMessage(agentId: string, conversationId: string, parts: Array<{ text: string }>): Promise<void>;
  createMessage(input: { conversationId: string; authorId: string; text: string }): Promise<void>;
}

interface Block {
  kind: 'text' | 'image';
  body: string;
}

declare function sendCard(block: Block, client: SupportClient, chat: string): Promise<void>;
declare function notifyMember(memberId: string, conversationId: string): Promise<void>;

export async function relayBlocks(client: SupportClient, agentId: string, supportConversationId: string, blocks: Block[]): Promise<void> {
  for (const block of blocks) {
    await client.sendMessage(agentId, supportConversationId, [{ text: block.body }]);
  }
}

export async function relayCards(client: SupportClient, chat: string, blocks: Block[]): Promise<void> {
  for (const block of blocks) {
    await sendCard(block, client, chat);
  }
}

// A function of the file that posts to the conversation its options carry, handed the same options each time.
interface OutgoingProps {
  client: SupportClient;
  conversation: { id: string };
  text: string;
}

async function sendReply({ client, conversation, text }: OutgoingProps): Promise<void> {
  await client.createMessage({ conversationId: conversation.id, authorId: 'bot', text });
}

export async function replyWithBlocks(props: Omit<OutgoingProps, 'text'>, blocks: Block[]): Promise<void> {
  for (const block of blocks) {
    await sendReply({ ...props, text: block.body });
  }
}

// A function of the file that sends messages and is handed the conversation, the same one each time.
interface SmsClient {
  messages: { create(input: { to: string; from: string; body: string }): Promise<{ sid: string }> };
}

async function sendText({ sms, conversation, text }: { sms: SmsClient; conversation: { phone: string; line: string }; text: string }): Promise<string> {
  const { sid } = await sms.messages.create({ to: conversation.phone, from: conversation.line, body: text });
  return sid;
}

export async function textBlocks(props: { sms: SmsClient; conversation: { phone: string; line: string } }, blocks: Block[]): Promise<void> {
  for (const block of blocks) {
    await sendText({ ...props, text: block.body });
  }
}

// A function of the handler that posts to the conversation the handler holds.
export async function importThread(client: SupportClient, conversation: { id: string }, parts: Array<{ author: string; body: string }>): Promise<void> {
  const storePart = async (part: { author: string; body: string }) => {
    await client.createMessage({ conversationId: conversation.id, authorId: part.author, text: part.body });
  };
  for (const part of parts) {
    await storePart(part);
  }
}

// One message per member about one conversation, and a reply to each ticket's own conversation: reported.
export async function notifyMembers(conversationId: string, memberIds: string[]): Promise<void> {
  for (const memberId of memberIds) {
    await notifyMember(memberId, conversationId);
//  ^^^^^ await-in-loop
  }
}

export async function answerTickets(props: Omit<OutgoingProps, 'text' | 'conversation'>, tickets: Array<{ conversation: { id: string }; answer: string }>): Promise<void> {
  for (const ticket of tickets) {
    await sendReply({ ...props, conversation: ticket.conversation, text: ticket.answer });
//  ^^^^^ await-in-loop
  }
}
