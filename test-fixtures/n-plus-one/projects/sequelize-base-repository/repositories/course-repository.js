// valid
const BaseRepository = require('./base-repository');
const { Course } = require('../models');

class CourseRepository extends BaseRepository {
  constructor() {
    super(Course);
  }

  async findByTitle(title) {
    return this.findOne({ title });
  }
}

module.exports = new CourseRepository();
