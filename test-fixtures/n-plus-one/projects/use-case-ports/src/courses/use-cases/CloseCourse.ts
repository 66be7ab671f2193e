import type { EnrollmentRepository } from '../ports';
import type { WithdrawStudent } from './WithdrawStudent';

export class CloseCourse {
  constructor(
    private readonly enrollments: EnrollmentRepository,
    private readonly withdrawStudent: WithdrawStudent,
  ) {}

  async execute(courseId: string): Promise<number> {
    const enrolled = await this.enrollments.findByCourse(courseId);
    for (const enrollment of enrolled) {
      await this.withdrawStudent.execute(enrollment);
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return enrolled.length;
  }
}
