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
