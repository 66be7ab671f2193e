// valid
const BaseRepository = require('./base-repository');
const { Enrollment } = require('../models');

class EnrollmentRepository extends BaseRepository {
  constructor() {
    super(Enrollment);
  }
}

module.exports = new EnrollmentRepository();
