// valid
type Constructor = new (...args: any[]) => object;

export const Searchable = <T extends Constructor>(Base: T) =>
  class extends Base {
    static get searchRoles() {
      return ['name'];
    }
  };

export const Auditable = <T extends Constructor>(Base: T) =>
  class extends Base {
    static get audited() {
      return true;
    }
  };
