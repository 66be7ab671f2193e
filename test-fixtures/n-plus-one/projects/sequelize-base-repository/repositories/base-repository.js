// valid
class BaseRepository {
  constructor(model) {
    this.model = model;
  }

  async findById(id) {
    return this.model.findByPk(id);
  }

  async findOne(where) {
    return this.model.findOne({ where });
  }

  async create(data) {
    return this.model.create(data);
  }
}

module.exports = BaseRepository;
