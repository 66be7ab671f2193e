// valid
type Rule = { name: string; enabled: boolean };

/** Flags kept in memory: `rules` reads like a model delegate but is a list. */
export class FeatureFlags {
  readonly rules = {
    items: [] as Rule[],
    async findFirst({ where }: { where: { name: string } }): Promise<Rule | undefined> {
      return this.items.find((rule) => rule.name === where.name);
    },
  };
}
