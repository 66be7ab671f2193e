import { Injectable, OnModuleInit } from '@nestjs/common';
import { PrismaService } from '@billing/prisma/prisma.service';

@Injectable()
export class SettingsService implements OnModuleInit {
  constructor(private readonly prisma: PrismaService) {}

  async onModuleInit() {
    await this.syncFromEnvironment();
    await this.seedDefaults();
    await this.backfill(['currency', 'locale', 'timezone'].filter((name) => !process.env[`SKIP_${name}`]));
    for (const name of Object.keys(process.env).filter((key) => key.startsWith('SETTING_'))) {
      await this.prisma.setting.upsert({ where: { name }, create: { name }, update: {} });
    }
  }

  /** Copies what the environment overrides into the table: once per start-up. */
  private async syncFromEnvironment() {
    const overrides = Object.entries(process.env).filter(([name]) => name.startsWith('SETTING_'));
    for (const [name, value] of overrides) {
      await this.prisma.setting.update({ where: { name }, data: { value } });
    }
  }

  /** Called by the start-up hook alone: so are the methods only it calls. */
  private async seedDefaults() {
    await this.seedCurrencies(['EUR', 'USD']);
    await this.seedLocales();
  }

  private async seedCurrencies(codes: string[]) {
    for (const code of codes) {
      await this.prisma.setting.upsert({ where: { name: `currency.${code}` }, create: { name: `currency.${code}` }, update: {} });
    }
  }

  /** Called at start-up, through `seedDefaults`, and by `reseed` on request: its loop is an N+1 on request. */
  private async seedLocales() {
    for (const locale of Object.keys(process.env).filter((key) => key.startsWith('LOCALE_'))) {
      await this.prisma.setting.upsert({ where: { name: locale }, create: { name: locale }, update: {} });
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async reseed() {
    await this.seedLocales();
  }

  /** Run at start-up and on request: its loop is an N+1 on request. */
  async backfill(names: string[]) {
    for (const name of names) {
      await this.prisma.setting.upsert({ where: { name }, create: { name }, update: {} });
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async resetAll(names: string[]) {
    await this.backfill(names);
  }

  async saveAll(values: Record<string, string>) {
    for (const [name, value] of Object.entries(values)) {
      await this.prisma.setting.update({ where: { name }, data: { value } });
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }
}
