// valid
const TYPES = {
  FixQuota: Symbol.for('FixQuota'),
  SendDigests: Symbol.for('SendDigests'),
  RenameTags: Symbol.for('RenameTags'),
  TagsController: Symbol.for('TagsController'),
};

export default TYPES;
