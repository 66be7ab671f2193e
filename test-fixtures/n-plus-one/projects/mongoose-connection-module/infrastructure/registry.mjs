// valid
const definitions = new Map();

class Definition {
  constructor(fields) {
    this.fields = fields;
  }
}

function model(name, definition) {
  definitions.set(name, definition);
  return { name, updateOne: (filter, changes) => ({ name, filter, changes }) };
}

export default { Definition, model };
