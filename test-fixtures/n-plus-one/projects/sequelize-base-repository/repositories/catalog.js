// valid
// Holds a list, not a model: its `find` is the array's.
class Catalog {
  constructor(model) {
    this.model = model;
  }

  lookup(code) {
    return this.model.find((entry) => entry.code === code);
  }
}

class LevelCatalog extends Catalog {
  constructor() {
    super([
      { code: 'intro', label: 'Introductory' },
      { code: 'adv', label: 'Advanced' },
    ]);
  }
}

module.exports = new LevelCatalog();
