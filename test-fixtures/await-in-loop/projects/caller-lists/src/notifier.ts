// Every use of notifyWatchers by name hands it one or two watchers written out: it awaits as few sends in turn.
// notifyFollowers is also handed every follower a request names, and is reported; so is warmCaches, which every
// caller hands a batch of a longer list, as the batches add up to one fetch per key.
declare function sendPush(token: string): Promise<void>;
declare function fetchEntry(key: string): Promise<string>;

export class Notifier {
  async notifyWatchers(watchers: Array<{ token: string }>) {
    for (const watcher of watchers) {
      await sendPush(watcher.token);
    }
  }

  async notifyFollowers(followers: Array<{ token: string }>) {
    for (const follower of followers) {
      await sendPush(follower.token);
//    ^^^^^ await-in-loop
    }
  }

  async warmCaches(keys: string[]) {
    for (const key of keys) {
      await fetchEntry(key);
//    ^^^^^ await-in-loop
    }
  }
}
