// A class field written out as a literal list, map or set, and never assigned again or filled, holds as many items as
// it writes: a loop over it, its keys, or what a method of the class returns of it, repeats that many times. A field
// that starts empty, that the class fills, or that a method replaces holds as many items as the data.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

interface Preference {
  value: string;
  locked: boolean;
}

export class OnboardingDefaults {
  private readonly preferences = new Map<string, Preference>([
    ['theme', { value: 'system', locked: false }],
    ['weeklyDigest', { value: 'on', locked: false }],
  ]);

  private readonly starterBoards: string[];

  private readonly reminderKinds = new Set(['due', 'overdue']);

  constructor() {
    this.starterBoards = ['Inbox', 'Later'];
  }

  preferenceDefaults(): Map<string, Preference> {
    return this.preferences;
  }

  async apply(userId: string): Promise<void> {
    for (const name of this.preferences.keys()) {
      const preference = this.preferences.get(name)!;
      await prisma.preference.upsert({
        where: { userId_name: { userId, name } },
        create: { userId, name, value: preference.value },
        update: {},
      });
    }
    for (const title of this.starterBoards) {
      await prisma.board.create({ data: { ownerId: userId, title } });
    }
    for (const kind of this.reminderKinds) {
      await prisma.reminderRule.create({ data: { userId, kind } });
    }
  }

  async applyLocked(userId: string): Promise<void> {
    const defaults = this.preferenceDefaults();
    for (const [name, preference] of defaults) {
      if (preference.locked) await prisma.preference.create({ data: { userId, name, value: preference.value } });
    }
  }
}

export class WebhookRegistry {
  private readonly endpoints = new Map<string, string>();

  private readonly builtIn = new Map<string, string>([['audit', 'https://audit.example.com/hook']]);

  private subscribers = ['billing'];

  register(name: string, url: string): void {
    this.endpoints.set(name, url);
    this.builtIn.set(name, url);
  }

  replaceSubscribers(names: string[]): void {
    this.subscribers = names;
  }

  async persist(projectId: string): Promise<void> {
    for (const [name, url] of this.endpoints) {
      await prisma.webhook.create({ data: { projectId, name, url } });
      //    ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    for (const name of this.builtIn.keys()) {
      await prisma.webhook.create({ data: { projectId, name, url: '' } });
      //    ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    for (const name of this.subscribers) {
      await prisma.subscriber.create({ data: { projectId, name } });
      //    ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }
}
