const courseRepository = require('../repositories/course-repository');
const enrollmentRepository = require('../repositories/enrollment-repository');

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

const levelCatalog = new LevelCatalog();

async function enroll(studentId, courseIds) {
  const enrolled = [];
  for (const courseId of courseIds) {
    const course = await courseRepository.findById(courseId);
//                       ^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    if (course) enrolled.push(await enrollmentRepository.create({ courseId, studentId }));
//                                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  return enrolled;
}

async function coursesByTitle(titles) {
  return Promise.all(titles.map((title) => courseRepository.findByTitle(title)));
//                                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
}

function levelLabels(courses) {
  return courses.map((course) => levelCatalog.lookup(course.level)?.label);
}

module.exports = { enroll, coursesByTitle, levelLabels };
