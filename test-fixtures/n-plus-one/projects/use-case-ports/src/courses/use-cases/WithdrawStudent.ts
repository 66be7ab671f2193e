// valid
import type { Enrollment, EnrollmentRepository } from '../ports';

/** Names the port through its folder's barrel. */
export class WithdrawStudent {
  constructor(private readonly enrollments: EnrollmentRepository) {}

  async execute(enrollment: Enrollment): Promise<void> {
    await this.enrollments.delete(enrollment);
  }
}
