// valid
import type { Repository } from 'typeorm';
import type { Enrollment, EnrollmentRepository } from '../ports/EnrollmentRepository';

export class TypeOrmEnrollmentRepository implements EnrollmentRepository {
  constructor(private readonly enrollments: Repository<Enrollment>) {}

  async findByCourse(courseId: string): Promise<Enrollment[]> {
    return this.enrollments.findBy({ courseId });
  }

  async delete(enrollment: Enrollment): Promise<void> {
    await this.enrollments.delete({ id: enrollment.id });
  }
}
