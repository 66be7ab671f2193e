// valid
const { selectWhere } = require('./store');

class Ledger {
  constructor(name) {
    this.name = name;
  }

  static open(name) {
    if (!name) return null;
    return new Ledger(name);
  }

  async entries(account) {
    return selectWhere(this.name, 'account', account);
  }
}

module.exports = { Ledger };
